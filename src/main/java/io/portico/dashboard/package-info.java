/**
 * Facade of the operator dashboard: the pages staff use at {@code /dashboard/**}, signed in with
 * the administrators' accounts ({@code IdentityService}), each page calling the module services
 * with the signed-in {@code Actor} so roles apply exactly as in the console API. Controllers
 * translate; the modules decide and query.
 */
@NullMarked
package io.portico.dashboard;

import org.jspecify.annotations.NullMarked;
