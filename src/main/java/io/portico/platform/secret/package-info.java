/** The master key behind {@link io.portico.platform.SecretBox}: configured, or generated into a file. */
@NullMarked
package io.portico.platform.secret;

import org.jspecify.annotations.NullMarked;
