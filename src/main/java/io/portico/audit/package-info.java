/**
 * The operator log: every administrator write and every engine action an operator should see.
 * It only listens to events and answers log queries; it never calls other modules.
 */
@NullMarked
package io.portico.audit;

import org.jspecify.annotations.NullMarked;
