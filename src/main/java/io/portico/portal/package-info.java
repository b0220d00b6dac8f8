/**
 * Facade of the captive portal: the pages a guest's phone meets in its sign-in window at
 * {@code /portal/{NAS-Identifier}} (and UniFi's {@code /guest/s/{site}/}), the gateways' hand-overs
 * and the RFC 8908 Captive Portal API. Controllers translate; the hotspot and guest modules decide.
 */
@NullMarked
package io.portico.portal;

import org.jspecify.annotations.NullMarked;
