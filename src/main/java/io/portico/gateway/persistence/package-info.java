/** The gateway module's SQL: commands waiting for a retry. */
@NullMarked
package io.portico.gateway.persistence;

import org.jspecify.annotations.NullMarked;
