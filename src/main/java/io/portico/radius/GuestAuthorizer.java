package io.portico.radius;

/**
 * Port to the guest domain: decides Access-Requests from NAS clients linked to a hotspot. The
 * adapter {@code internal.HotspotGuestAuthorizer} implements it on the guest module's services
 * (active guest plan at the hotspot's client, voucher redemption with {@link Credentials#matches},
 * first-seen guest records); tests install their own. The authorisation chain calls it on a
 * virtual thread, so it may block on the database.
 */
public interface GuestAuthorizer {

    AccessDecision authorize(long hotspotId, AccessAttempt attempt);
}
