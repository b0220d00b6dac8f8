/** SQL and at-rest encryption for the radius module's tables; private to the module. */
@NullMarked
package io.portico.radius.persistence;

import org.jspecify.annotations.NullMarked;
