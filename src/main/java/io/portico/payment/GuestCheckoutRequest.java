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
        email = receiptEmail(email);
    }

    /** The guest's e-mail address for receipts and refund notices, stripped; empty when none was given. 400 when invalid. */
    static Optional<String> receiptEmail(Optional<String> email) {
        Optional<String> address = email.map(String::strip).filter(e -> !e.isEmpty());
        if (address.isPresent() && (address.get().length() > 254 || !address.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw PorticoException.invalid("email", "Please enter a valid e-mail address for the receipt.");
        }
        return address;
    }
}
