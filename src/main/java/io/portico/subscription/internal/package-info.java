/** The subscription module's scheduled work: publishing start and end transitions on time. */
@NullMarked
package io.portico.subscription.internal;

import org.jspecify.annotations.NullMarked;
