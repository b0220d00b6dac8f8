package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.payment.GuestCheckout;
import io.portico.payment.GuestCheckouts;
import io.portico.payment.PaymentService;
import io.portico.payment.PaymentStatus;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Card payments in the console: whether the operator's Stripe account is in test or live mode,
 * and refunds of guests' card purchases (when Stripe_allowrefund is on). New in Portico; named in
 * the console's style.
 */
@RestController
@Tag(name = "Console: payments")
class PaymentController {

    record RefundRef(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("PurchaseID") @Nullable Long purchaseId) {
    }

    private final PaymentService payments;
    private final GuestCheckouts checkouts;

    PaymentController(PaymentService payments, GuestCheckouts checkouts) {
        this.payments = payments;
        this.checkouts = checkouts;
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/listPaymentStatus")
    @Operation(summary = "Shows whether Stripe is in test or live mode (from the secret key's prefix) and whether refunds are on")
    Map<String, @Nullable Object> status(Actor actor) {
        PaymentStatus s = payments.status(actor);
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("StripeMode", s.stripeMode().label());
        body.put("TakesCardPayments", s.takesPayments());
        body.put("Stripe_allowrefund", s.refundsAllowed());
        return GuestConsoleFields.ok("", body);
    }

    @PostMapping("/preview/networkoperatorconsole/guests/refundGuestPlan")
    @Operation(summary = "Refunds a guest's card purchase in full through Stripe; the plan ends now and the device is disconnected",
            description = "403 when Stripe_allowrefund is off; 404 when the purchase was not paid by card; 409 when already refunded.")
    Map<String, @Nullable Object> refund(Actor actor, @RequestBody RefundRef body) {
        GuestCheckout c = checkouts.refund(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("PurchaseID", body.purchaseId()));
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("PurchaseID", c.purchaseId());
        fields.put("PaymentGateway", GuestCheckouts.GATEWAY);
        fields.put("TransactionID", c.paymentReference());
        fields.put("RefundID", c.refundReference());
        fields.put("AmountMinorUnits", c.amount().minorUnits());
        fields.put("Currency", c.amount().currency());
        return GuestConsoleFields.ok("Guest plan purchase " + c.purchaseId() + " refunded. ", fields);
    }
}
