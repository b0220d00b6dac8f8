/**
 * The deterministic demo data set loaded by {@code --demo} / {@code PORTICO_DEMO=true}. Each
 * module's demo data is one {@link io.portico.demo.DemoSeed}; the loader runs them in order once.
 */
@NullMarked
package io.portico.demo;

import org.jspecify.annotations.NullMarked;
