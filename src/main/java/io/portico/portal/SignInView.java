package io.portico.portal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The sign-in page: the hotspot's welcome, its terms (sanitized HTML), one form per sign-in
 * method it offers, each carrying the sealed {@code state}, the priced plans a guest can buy, whether
 * by card ({@code card}) and where the PayPal button posts ({@code paypalAction}, null when the
 * operator has no PayPal), and the error of the last attempt.
 */
public record SignInView(String action, String state, String lang, String welcome, @Nullable String termsHtml,
                         boolean clickThrough, boolean form, boolean voucher, List<Field> fields,
                         @Nullable String error, @Nullable String voucherCode, String payAction, List<PaidPlan> paidPlans,
                         boolean card, @Nullable String paypalAction) {

    /** A priced plan the guest can buy by card: its id for the form, name, how long it lasts and its price, as shown. */
    public record PaidPlan(long id, String name, String duration, String price) {
    }

    /** One input of the form method, with the value the guest entered before an error. */
    public record Field(String name, String label, String type, String autocomplete, boolean required,
                        @Nullable String value) {
    }
}
