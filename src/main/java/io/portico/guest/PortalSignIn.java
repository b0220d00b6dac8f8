package io.portico.guest;

import java.util.Optional;

import io.portico.hotspot.SignInMethod;
import io.portico.platform.PorticoException;

/**
 * A guest signing in on a hotspot's captive portal, as the portal pages hand it to
 * {@link GuestPortalService#signIn}: which device (the MAC the gateway's hand-over named), how
 * (the method), and what the guest entered. {@code profile} counts only for FORM (and only the
 * fields the hotspot asks for); {@code voucherCode} only for VOUCHER. {@code userAgent} is the
 * phone's browser (stored on the guest so the connections report shows it); {@code remoteAddress}
 * is the address the request came from, for the voucher rate limit.
 */
public record PortalSignIn(long clientId, long hotspotId, MacAddress device, SignInMethod method, GuestProfile profile,
                           Optional<String> voucherCode, Optional<MarketingConsent> consent, String userAgent,
                           String remoteAddress) {

    public PortalSignIn {
        if (device == null || method == null) {
            throw PorticoException.invalid("The device and the sign-in method are required.");
        }
        profile = profile == null ? GuestProfile.EMPTY : profile;
        voucherCode = voucherCode == null ? Optional.empty() : voucherCode.map(String::strip).filter(c -> !c.isEmpty());
        consent = consent == null ? Optional.empty() : consent;
        userAgent = userAgent == null ? "" : userAgent;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }
}
