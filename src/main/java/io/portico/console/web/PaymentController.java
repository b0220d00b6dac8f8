package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.payment.GuestRefund;
import io.portico.payment.GuestRefunds;
import io.portico.payment.PaymentService;
import io.portico.payment.PaymentStatus;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Payments in the console: whether the operator's Stripe and PayPal accounts are in test or live
 * mode, and refunds of guests' card and PayPal purchases (when Stripe_allowrefund is on). New in Portico; named in
 * the console's style.
 */
@RestController
@Tag(name = "Console: payments")
class PaymentController {

    record RefundRef(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("PurchaseID") @Nullable Long purchaseId) {
    }

    private final PaymentService payments;
    private final GuestRefunds refunds;

    PaymentController(PaymentService payments, GuestRefunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/listPaymentStatus")
    @Operation(summary = "Shows whether Stripe (from the secret key's prefix) and PayPal (sandbox or live) are in test or live mode, and whether refunds are on")
    Map<String, @Nullable Object> status(Actor actor) {
        PaymentStatus s = payments.status(actor);
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("StripeMode", s.stripeMode().label());
        body.put("TakesCardPayments", s.takesPayments());
        body.put("Stripe_allowrefund", s.refundsAllowed());
        body.put("PayPalMode", s.paypalMode().label());
        return GuestConsoleFields.ok("", body);
    }

    @PostMapping("/preview/networkoperatorconsole/guests/refundGuestPlan")
    @Operation(summary = "Refunds a guest's card or PayPal purchase in full through its provider; the plan ends now and the device is disconnected",
            description = "403 when Stripe_allowrefund is off; 404 when the purchase was not paid by card or PayPal; 409 when already refunded.")
    Map<String, @Nullable Object> refund(Actor actor, @RequestBody RefundRef body) {
        GuestRefund c = refunds.refund(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("PurchaseID", body.purchaseId()));
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("PurchaseID", c.purchaseId());
        fields.put("PaymentGateway", c.paymentGateway());
        fields.put("TransactionID", c.transactionId());
        fields.put("RefundID", c.refundId());
        fields.put("AmountMinorUnits", c.amount().minorUnits());
        fields.put("Currency", c.amount().currency());
        return GuestConsoleFields.ok("Guest plan purchase " + c.purchaseId() + " refunded. ", fields);
    }
}
