/**
 * Subscribers (residents) and their subscriptions: subscriber + unit + service plan + start and
 * optional end, with a personal PSK. Derives the pending gateway VLAN changes and answers the
 * RADIUS and engine look-ups for active subscriptions.
 */
@NullMarked
package io.portico.subscription;

import org.jspecify.annotations.NullMarked;
