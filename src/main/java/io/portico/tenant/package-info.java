/**
 * Operators (the tenants) and their clients. Every other module scopes its data by an
 * operator id or client id obtained here.
 */
@NullMarked
package io.portico.tenant;

import org.jspecify.annotations.NullMarked;
