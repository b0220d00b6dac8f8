package io.portico.payment;

import java.util.Optional;

import io.portico.guest.MacAddress;
import io.portico.platform.PorticoException;

/**
 * A guest at a hotspot chose a priced plan on the portal. {@code returnUrl} is where the provider
 * sends the browser after paying (it may carry Stripe's {@code {CHECKOUT_SESSION_ID}} placeholder, so it is a string: a URI
 * cannot hold braces); {@code cancelUrl}
 * where it goes when the guest gives up. The e-mail, if given, receives the receipt.
 */
public record GuestCheckoutRequest(long operatorId, long clientId, long hotspotId, MacAddress device, long planId,
                                   Optional<String> email, String locale, String returnUrl, String cancelUrl) {

    public GuestCheckoutRequest {
        if (!returnUrl.matches("https?://\\S+") || !cancelUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("return and cancel URLs must be absolute http(s) URLs");
        }
        email = email.map(String::strip).filter(e -> !e.isEmpty());
        if (email.isPresent() && (email.get().length() > 254 || !email.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw PorticoException.invalid("email", "Please enter a valid e-mail address for the receipt.");
        }
    }
}
