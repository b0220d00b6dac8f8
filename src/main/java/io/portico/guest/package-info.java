/**
 * Guests of a client's hotspots (one per device MAC), their profiles, and what they can buy:
 * session profiles, guest plans, purchases and vouchers. {@link io.portico.guest.GuestService}
 * owns guests; {@link io.portico.guest.GuestPlanService} owns plans, purchases and vouchers;
 * {@link io.portico.guest.GuestPortalService} signs guests in on the captive portal (profile,
 * purchase, consent, one-time RADIUS credential).
 */
@NullMarked
package io.portico.guest;

import org.jspecify.annotations.NullMarked;
