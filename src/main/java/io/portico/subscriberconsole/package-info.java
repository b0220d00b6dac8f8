/**
 * The subscriber console's web pages at {@code /subscriber/**}: residents sign in, sign up at a
 * venue, reset their password, and see their WiFi, devices and plan. A facade like {@code portal}:
 * controllers are thin and call the subscription module's services with the signed-in
 * {@link io.portico.subscription.SubscriberPrincipal}; templates are in {@code src/main/jte/subscriber/}.
 */
@NullMarked
package io.portico.subscriberconsole;

import org.jspecify.annotations.NullMarked;
