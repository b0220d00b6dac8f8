package io.portico.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;

import io.portico.guest.ActiveGuestPlan;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestService;
import io.portico.guest.Purchase;
import io.portico.payment.GuestCheckout.State;
import io.portico.payment.internal.CheckoutRepository;
import io.portico.payment.internal.StripeClients;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;

/**
 * Guests buying guest plans by card through Stripe Checkout. The captive portal asks for the
 * {@link #offers}, {@link #start}s a checkout (the browser goes to Stripe's hosted page, so card
 * data never reaches Portico) and polls {@link #find} on the return page; the plan starts only
 * when Stripe's signed webhook says the session is paid ({@link #handle}), never on the browser's
 * return. Staff refund purchases through {@link GuestRefunds}.
 */
@Service
public class GuestCheckouts implements StripeEventHandler {

    /** {@code payment_gateway} of purchases paid through Stripe. */
    public static final String GATEWAY = "Stripe";
    /** Metadata on our guest checkout sessions, so other handlers' sessions (residents) are told apart. */
    public static final String PURPOSE = "guest_plan";
    static final String COMPLETED = "checkout.session.completed";
    static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final String EXPIRED = "checkout.session.expired";
    private static final Set<String> TYPES = Set.of(COMPLETED, ASYNC_SUCCEEDED, ASYNC_FAILED, EXPIRED);
    private static final Logger log = LoggerFactory.getLogger(GuestCheckouts.class);

    private final PaymentService payments;
    private final StripeClients stripe;
    private final CheckoutRepository checkouts;
    private final GuestPlanService plans;
    private final GuestService guests;
    private final PaymentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuestCheckouts(PaymentService payments, StripeClients stripe, CheckoutRepository checkouts, GuestPlanService plans,
                   GuestService guests, PaymentProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.stripe = stripe;
        this.checkouts = checkouts;
        this.plans = plans;
        this.guests = guests;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The client's priced plans, when the operator's Stripe account can take payments; else none. */
    public List<GuestPlanOffer> offers(long operatorId, long clientId) {
        if (!payments.stripeAccount(operatorId).canTakePayments()) {
            return List.of();
        }
        return plans.pricedPlans(clientId).stream().map(GuestPlanOffer::of).toList();
    }

    /**
     * Creates a Checkout Session (mode payment) for the plan and records it open; returns the URL
     * of Stripe's payment page. 400 for a plan that is not offered; 409 when card payments are
     * off; 503 when Stripe does not answer.
     */
    public URI start(GuestCheckoutRequest request) {
        StripeAccount account = payments.stripeAccount(request.operatorId());
        if (!account.canTakePayments()) {
            throw PorticoException.conflict("Card payments are not available here.");
        }
        GuestPlan plan = plans.findPlan(request.clientId(), request.planId()).filter(p -> p.priceCents() > 0)
                .orElseThrow(() -> PorticoException.invalid("plan", "This plan cannot be bought here."));
        Guest guest = guests.findOrCreate(request.clientId(), request.device());
        Money price = new Money(plan.priceCents(), plan.currency());
        Instant now = clock.instant();
        Map<String, String> metadata = Map.of("purpose", PURPOSE, "operator", Long.toString(request.operatorId()),
                "client", Long.toString(request.clientId()), "hotspot", Long.toString(request.hotspotId()),
                "guest", Long.toString(guest.id()), "mac", request.device().value(), "plan", Long.toString(plan.id()));
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.returnUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId("guest-" + guest.id())
                .setExpiresAt(now.plus(properties.checkoutExpiry()).getEpochSecond())
                .setLocale(request.locale().startsWith("es") ? SessionCreateParams.Locale.ES : SessionCreateParams.Locale.EN)
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(price.stripeCurrency()).setUnitAmount(price.minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(plan.name()).build())
                                .build())
                        .build());
        request.email().ifPresent(params::setCustomerEmail);
        Session session;
        try {
            session = stripe.forAccount(account).v1().checkout().sessions().create(params.build());
        } catch (StripeException e) {
            log.warn("Stripe refused a checkout session for operator {}: {} ({})", request.operatorId(), e.getCode(), e.getStatusCode());
            throw new PorticoException(Problem.UNAVAILABLE, "Card payment is not available right now. Please try again.");
        }
        checkouts.insert(new GuestCheckout(0, request.operatorId(), request.clientId(), request.hotspotId(), guest.id(),
                plan.id(), request.device(), StripeWebhooks.PROVIDER, session.getId(), price, request.email().orElse(null),
                request.locale(), State.OPEN, null, null, null, now));
        return URI.create(session.getUrl());
    }

    /** The client's checkout by the provider's session id (the portal's return page asks). */
    public Optional<GuestCheckout> find(long clientId, String sessionId) {
        return checkouts.findBySession(StripeWebhooks.PROVIDER, sessionId).filter(c -> c.clientId() == clientId);
    }

    // ---- Stripe's webhook ----

    @Override
    public boolean supports(String eventType) {
        return TYPES.contains(eventType);
    }

    /**
     * Moves our checkout on: {@code completed} with {@code payment_status} paid (or
     * {@code async_payment_succeeded}, whichever comes first) starts the plan once; a completed but
     * unpaid session (a delayed method) waits for the async outcome. Sessions that are not ours
     * (other operators', residents' subscriptions) are left to their handlers.
     */
    @Override
    public void handle(StripeEvent event, long operatorId) {
        if (!PURPOSE.equals(event.value("metadata.purpose"))) {
            return;
        }
        Optional<GuestCheckout> found = checkouts.findBySession(StripeWebhooks.PROVIDER, event.value("id"))
                .filter(c -> c.operatorId() == operatorId);
        if (found.isEmpty()) {
            log.warn("Stripe event {} names checkout session {}, unknown to operator {}", event.id(), event.value("id"), operatorId);
            return;
        }
        GuestCheckout checkout = found.get();
        switch (event.type()) {
            case COMPLETED -> {
                String status = event.value("payment_status");
                if ("paid".equals(status) || "no_payment_required".equals(status)) {
                    paid(checkout, event);
                }
            }
            case ASYNC_SUCCEEDED -> paid(checkout, event);
            case ASYNC_FAILED -> checkouts.close(checkout.id(), State.FAILED);
            case EXPIRED -> checkouts.close(checkout.id(), State.EXPIRED);
            default -> {
            }
        }
    }

    private void paid(GuestCheckout checkout, StripeEvent event) {
        long total = event.object().path("amount_total").asLong(-1);
        if (total != checkout.amount().minorUnits() || !checkout.amount().stripeCurrency().equals(event.value("currency"))) {
            log.warn("Stripe session {} paid {} {}, but the checkout was for {}; no plan started", checkout.sessionId(), total,
                    event.value("currency"), checkout.amount().display());
            return;
        }
        Instant now = clock.instant();
        String reference = event.value("payment_intent").isEmpty() ? checkout.sessionId() : event.value("payment_intent");
        if (!checkouts.markPaid(checkout.id(), reference, now)) {
            return;
        }
        // A guest who still has time left extends it: the new plan starts when the current one ends.
        Instant starts = plans.activePlanForDevice(checkout.clientId(), checkout.device(), now)
                .map(ActiveGuestPlan::purchase).map(Purchase::expiresAt).filter(end -> end.isAfter(now)).orElse(now);
        Purchase purchase = plans.recordPayment(checkout.clientId(), checkout.guestId(), checkout.guestPlanId(), GATEWAY,
                reference, starts);
        checkouts.setPurchase(checkout.id(), purchase.id());
        String planName = plans.findPlan(checkout.clientId(), checkout.guestPlanId()).map(GuestPlan::name).orElse("");
        events.publishEvent(new GuestPlanPaid(checkout.operatorId(), purchase.id(), planName, checkout.amount(), purchase.startsAt(),
                purchase.expiresAt(), reference, now, checkout.email(), checkout.locale()));
    }
}
