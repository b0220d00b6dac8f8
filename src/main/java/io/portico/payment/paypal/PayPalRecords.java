package io.portico.payment.paypal;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/** The values Portico sends to and reads from PayPal's Orders v2, Payments v2 and webhook APIs. */
public final class PayPalRecords {

    private PayPalRecords() {
    }

    /**
     * An order to create: one purchase unit of {@code amountMinor} in {@code currency}, with our
     * purchase reference as custom_id (it comes back on the capture and its webhook).
     */
    public record NewOrder(String reference, String description, long amountMinor, String currency, URI returnUrl,
                           URI cancelUrl) {
        public NewOrder {
            if (reference.isBlank() || reference.length() > 127) {
                throw PorticoException.invalid("reference", "{reference} must be 1 to 127 characters (PayPal's custom_id).");
            }
            description = description.length() > 127 ? description.substring(0, 127) : description;
            if (amountMinor <= 0) {
                throw PorticoException.invalid("amount", "{amount} must be more than 0.");
            }
            currency = currency.toUpperCase(Locale.ROOT);
            MinorUnits.toDecimal(amountMinor, currency);
        }
    }

    /** A created order and the page the buyer approves it on (its payer-action or approve link). */
    public record Order(String id, String status, URI approveUrl) {
    }

    /** A completed or pending capture of an order's payment. */
    public record Capture(String orderId, String captureId, String status, @Nullable String customId, long amountMinor,
                          String currency) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    /**
     * A refund of a capture: its status (COMPLETED, PENDING, FAILED, CANCELLED), the capture it
     * refunds (from its {@code up} link; empty when PayPal left the link out) and the amount.
     */
    public record Refund(String id, String status, String captureId, long amountMinor, String currency) {
        /** Whether PayPal returns, or is returning, the money (a PENDING refund completes later). */
        public boolean accepted() {
            return "COMPLETED".equals(status) || "PENDING".equals(status);
        }
    }

    /**
     * The transmission headers PayPal sends with each webhook (PAYPAL-TRANSMISSION-ID, -TIME,
     * -SIG, PAYPAL-CERT-URL, PAYPAL-AUTH-ALGO); missing ones make the webhook unverifiable.
     */
    public record Transmission(String id, String time, String signature, String certUrl, String authAlgo) {
        public Transmission {
            require("PAYPAL-TRANSMISSION-ID", id, 50);
            require("PAYPAL-TRANSMISSION-TIME", time, 100);
            require("PAYPAL-TRANSMISSION-SIG", signature, 500);
            require("PAYPAL-CERT-URL", certUrl, 500);
            require("PAYPAL-AUTH-ALGO", authAlgo, 100);
        }

        private static void require(String header, @Nullable String value, int max) {
            if (value == null || value.isBlank() || value.length() > max) {
                throw PorticoException.invalid(header, "The " + header + " header is missing or too long.");
            }
        }
    }
}
