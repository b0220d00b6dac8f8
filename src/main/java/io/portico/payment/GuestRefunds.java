package io.portico.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestService;
import io.portico.payment.GuestCheckout.State;
import io.portico.payment.internal.CheckoutRepository;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.payment.internal.PayPalOrderRepository.PayPalOrder;
import io.portico.payment.internal.StripeClients;
import io.portico.payment.paypal.PayPalAccounts;
import io.portico.payment.paypal.PayPalApi;
import io.portico.payment.paypal.PayPalRecords;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * Refunds of guests' purchases, whichever provider took the money. Staff refund from the console
 * ({@code guests/refundGuestPlan}) or the dashboard's guest page ({@link #refund}): Stripe through a
 * Refund of the PaymentIntent, PayPal through Payments v2's refund of the capture. A refund the
 * operator made on PayPal's own site arrives as PAYMENT.CAPTURE.REFUNDED ({@link #refundedAtPayPal}),
 * one made in Stripe's Dashboard as {@code charge.refunded} ({@link #handle}).
 * Either way the purchase is revoked (RADIUS disconnects the device), the operator log gets an
 * entry, GuestPlanRefunded fires and the guest is e-mailed in their language, once.
 */
@Service
public class GuestRefunds implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(GuestRefunds.class);

    private final PaymentService payments;
    private final StripeClients stripe;
    private final CheckoutRepository checkouts;
    private final PayPalOrderRepository paypalOrders;
    private final PayPalAccounts paypal;
    private final GuestPlanService plans;
    private final GuestService guests;
    private final TenantService tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuestRefunds(PaymentService payments, StripeClients stripe, CheckoutRepository checkouts, PayPalOrderRepository paypalOrders,
                 PayPalAccounts paypal, GuestPlanService plans, GuestService guests, TenantService tenants,
                 ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.stripe = stripe;
        this.checkouts = checkouts;
        this.paypalOrders = paypalOrders;
        this.paypal = paypal;
        this.plans = plans;
        this.guests = guests;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Refunds a guest's card or PayPal purchase in full (MANAGE_GUESTS). 403 when the operator
     * turned refunds off (Stripe_allowrefund, which covers both providers), 404 for a purchase not
     * paid by card or PayPal here, 409 when already refunded or the provider refuses, 503 when the
     * provider does not answer.
     */
    @Transactional
    public GuestRefund refund(Actor actor, long clientId, long purchaseId) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.requireClient(actor, clientId);
        if (!payments.stripeAccount(actor.operatorId()).allowRefund()) {
            throw PorticoException.forbidden("Refunds are turned off for this operator (Stripe_allowrefund).");
        }
        Optional<GuestCheckout> card = checkouts.findByPurchase(clientId, purchaseId).filter(c -> c.operatorId() == actor.operatorId());
        if (card.isPresent()) {
            return refundCard(actor, card.get());
        }
        PayPalOrder order = paypalOrders.findByPurchase(clientId, purchaseId).filter(o -> o.operatorId() == actor.operatorId())
                .orElseThrow(() -> PorticoException.notFound("Purchase " + purchaseId + " was not paid by card or PayPal."));
        return refundPayPal(actor, order);
    }

    private GuestRefund refundCard(Actor actor, GuestCheckout checkout) {
        long purchaseId = java.util.Objects.requireNonNull(checkout.purchaseId());
        if (checkout.state() == State.REFUNDED) {
            throw alreadyRefunded(purchaseId);
        }
        Refund refund;
        try {
            refund = stripe.forAccount(payments.stripeAccount(actor.operatorId())).v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(checkout.paymentReference())
                            .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                            .putMetadata("purchase", Long.toString(purchaseId)).build(),
                    RequestOptions.builder().setIdempotencyKey("portico-refund-" + checkout.id()).build());
        } catch (InvalidRequestException e) {
            throw PorticoException.conflict("Stripe refused the refund: " + e.getStripeError().getMessage());
        } catch (StripeException e) {
            log.warn("Stripe refund of checkout {} failed: {} ({})", checkout.id(), e.getCode(), e.getStatusCode());
            throw new PorticoException(Problem.UNAVAILABLE, "Stripe did not answer the refund. Please try again.");
        }
        if (!checkouts.markRefunded(checkout.id(), refund.getId(), clock.instant())) {
            throw alreadyRefunded(purchaseId);
        }
        GuestRefund done = new GuestRefund(purchaseId, GuestCheckouts.GATEWAY, String.valueOf(checkout.paymentReference()),
                refund.getId(), checkout.amount());
        refunded(actor.operatorId(), AdministratorActed.by(actor, "/guests/refundGuestPlan", message(done), clock.instant()),
                checkout.clientId(), checkout.guestId(), checkout.guestPlanId(), done, checkout.email(), checkout.locale());
        return done;
    }

    private GuestRefund refundPayPal(Actor actor, PayPalOrder order) {
        long purchaseId = java.util.Objects.requireNonNull(order.purchaseId());
        if (order.status().equals("REFUNDED")) {
            throw alreadyRefunded(purchaseId);
        }
        PayPalAccounts.Account account = paypal.account(actor.operatorId())
                .orElseThrow(() -> PorticoException.conflict("PayPal is not connected any more; refund the payment on PayPal's site."));
        String captureId = java.util.Objects.requireNonNull(order.captureId());
        // The PayPal-Request-Id is the order's reference: a retried refund answers the first refund, not a second one.
        PayPalRecords.Refund refund = account.api().refund(captureId, null, order.currency(), order.reference());
        if (!refund.accepted()) {
            throw PorticoException.conflict("PayPal did not refund the payment (status " + refund.status() + ").");
        }
        if (!paypalOrders.markRefunded(order.reference(), refund.id(), clock.instant())) {
            throw alreadyRefunded(purchaseId);
        }
        GuestRefund done = new GuestRefund(purchaseId, PayPalCheckout.GATEWAY, captureId, refund.id(),
                new Money(order.amountMinor(), order.currency()));
        refunded(actor.operatorId(), AdministratorActed.by(actor, "/guests/refundGuestPlan", message(done), clock.instant()),
                order.clientId(), order.guestId(), order.guestPlanId(), done, order.email(), order.locale());
        return done;
    }

    @Override
    public boolean supports(String eventType) {
        return "charge.refunded".equals(eventType);
    }

    /**
     * Stripe's verified {@code charge.refunded} (in the webhook's transaction): a full refund made in
     * Stripe's Dashboard of a guest's card purchase ends it as a refund from the console does. A
     * refund Portico made itself is already recorded, so nothing happens twice; a partial refund
     * keeps the access and is only logged. Charges that are not a guest checkout's are ignored.
     */
    @Override
    public void handle(StripeEvent event, long operatorId) {
        String paymentIntent = event.value("payment_intent");
        Optional<GuestCheckout> found = paymentIntent.isEmpty() ? Optional.empty()
                : checkouts.findByPaymentReference(operatorId, paymentIntent);
        if (found.isEmpty() || found.get().state() != State.PAID || found.get().purchaseId() == null) {
            return;
        }
        GuestCheckout checkout = found.get();
        long refunded = event.object().path("amount_refunded").asLong(-1);
        if (!event.object().path("refunded").asBoolean(false) || refunded != checkout.amount().minorUnits()) {
            log.warn("Stripe charge {} of checkout {} refunded {} of {}: not a full refund, the access stays", event.value("id"),
                    checkout.id(), refunded, checkout.amount().display());
            return;
        }
        String refundId = event.object().path("refunds").path("data").path(0).path("id").asString("");
        String reference = refundId.isEmpty() ? event.value("id") : refundId;
        Instant now = clock.instant();
        if (!checkouts.markRefunded(checkout.id(), reference, now)) {
            return;
        }
        GuestRefund done = new GuestRefund(java.util.Objects.requireNonNull(checkout.purchaseId()), GuestCheckouts.GATEWAY,
                paymentIntent, reference, checkout.amount());
        AdministratorActed entry = new AdministratorActed(operatorId, null, RequestOrigin.SYSTEM, "/payments/stripe/webhook",
                message(done), "", "", now);
        refunded(operatorId, entry, checkout.clientId(), checkout.guestId(), checkout.guestPlanId(), done, checkout.email(),
                checkout.locale());
    }

    /**
     * PayPal's verified PAYMENT.CAPTURE.REFUNDED (in the webhook's transaction): a full refund of
     * one of Portico's captures ends the purchase as a refund from the console does. A refund
     * Portico made itself is already recorded, so nothing happens twice; a partial refund made on
     * PayPal's site keeps the access and is only logged.
     */
    void refundedAtPayPal(long operatorId, JsonNode resource) {
        PayPalRecords.Refund refund = PayPalApi.refund(resource);
        Optional<PayPalOrder> found = refund.captureId().isEmpty() ? Optional.empty()
                : paypalOrders.findByCapture(operatorId, refund.captureId());
        if (found.isEmpty()) {
            log.warn("PayPal refund {} of operator {} is for capture '{}', not one of Portico's orders", refund.id(), operatorId,
                    refund.captureId());
            return;
        }
        PayPalOrder order = found.get();
        if (order.status().equals("REFUNDED")) {
            return;
        }
        if (!"COMPLETED".equals(refund.status()) || refund.amountMinor() != order.amountMinor()
                || !order.currency().equals(refund.currency())) {
            log.warn("PayPal refund {} of capture {} is {} for {} {} of {} {}: not a full refund, the access stays", refund.id(),
                    refund.captureId(), refund.status(), refund.amountMinor(), refund.currency(), order.amountMinor(), order.currency());
            return;
        }
        Instant now = clock.instant();
        if (order.purchaseId() == null) {
            // The refund overtook its capture's COMPLETED event: the order closes as refunded, so
            // that event, when it comes, grants nothing.
            if (paypalOrders.markRefundedBeforeCompletion(order.reference(), refund.id(), now)) {
                log.info("PayPal refund {} of capture {} arrived before the capture's completion; order {} closed unpaid",
                        refund.id(), refund.captureId(), order.reference());
            }
            return;
        }
        if (!paypalOrders.markRefunded(order.reference(), refund.id(), now)) {
            return;
        }
        GuestRefund done = new GuestRefund(java.util.Objects.requireNonNull(order.purchaseId()), PayPalCheckout.GATEWAY,
                refund.captureId(), refund.id(), new Money(order.amountMinor(), order.currency()));
        AdministratorActed entry = new AdministratorActed(operatorId, null, RequestOrigin.SYSTEM, "/payments/paypal/webhook",
                message(done), "", "", now);
        refunded(operatorId, entry, order.clientId(), order.guestId(), order.guestPlanId(), done, order.email(), order.locale());
    }

    /** What every refund does once recorded: the access ends, the log entry, GuestPlanRefunded (webhook, e-mail). */
    private void refunded(long operatorId, AdministratorActed entry, long clientId, long guestId, long guestPlanId, GuestRefund done,
                          @Nullable String email, String locale) {
        plans.revokeRefunded(operatorId, clientId, done.purchaseId());
        events.publishEvent(entry);
        String planName = plans.findPlan(clientId, guestPlanId).map(GuestPlan::name).orElse("");
        events.publishEvent(new GuestPlanRefunded(tenants.findClient(operatorId, clientId).orElseThrow(), guestId, done.purchaseId(),
                done.amount(), done.paymentGateway(), done.refundId(), entry.occurredAt(), planName, email, locale));
    }

    private static Map<String, Object> message(GuestRefund done) {
        return Map.of("message", "Guest plan purchase " + done.purchaseId() + " refunded (" + done.amount().display() + ", "
                + done.paymentGateway() + " " + done.refundId() + ").");
    }

    private static PorticoException alreadyRefunded(long purchaseId) {
        return PorticoException.conflict("Purchase " + purchaseId + " is already refunded.");
    }
}
