/**
 * The operator's configuration: branding and profile, sign-on, PMS, plan defaults, network
 * configuration (VLAN ranges, RADIUS), notifications, reporting, shopping cart, terms and
 * conditions and email templates per supported locale, display options and certificates.
 * Secrets are sealed with {@link io.portico.platform.SecretBox} and only ever shown masked.
 */
@NullMarked
package io.portico.operator;

import org.jspecify.annotations.NullMarked;
