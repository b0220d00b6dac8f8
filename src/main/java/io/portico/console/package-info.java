/**
 * Facade of the network operator console API ({@code /preview/...}): POST routes with JSON
 * bodies carrying {@code AccessToken}, answering with {@code errorProcessing}. It translates the
 * console's wire names to domain calls and back; rules live in the modules' services.
 */
@NullMarked
package io.portico.console;

import org.jspecify.annotations.NullMarked;
