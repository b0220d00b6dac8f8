package io.portico.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;

import io.portico.payment.internal.ResidentBillingRepository;
import io.portico.payment.internal.StripeClients;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.subscription.PaidSignup;
import tools.jackson.databind.JsonNode;

/**
 * Residents' priced plans billed as Stripe subscriptions: {@link #checkout} opens a Checkout
 * Session in subscription mode for a sign-up {@link PaidSignup} prepared (the plan's price and
 * billing cycle as a recurring price, the trial as trial_period_days); the signed webhooks then
 * drive the subscription:
 * <ul>
 * <li>{@code checkout.session.completed} (mode subscription) creates it, once;</li>
 * <li>{@code invoice.paid} extends it to the invoice's period end plus {@link #RENEWAL_GRACE};</li>
 * <li>{@code invoice.payment_failed} brings its end back to the end of the paid period;</li>
 * <li>{@link #cancelAtPeriodEnd} (My plan) asks Stripe to stop renewing and ends it there.</li>
 * </ul>
 * Events of one Stripe subscription may come in any order. The rule: everything is kept on one row
 * per Stripe subscription, locked while an event is applied; {@code paid_through} only moves
 * forward, so an invoice.paid before the checkout.session.completed is kept and applied when the
 * subscription is created, and nothing is created twice (the sign-up's OPEN -> COMPLETED update).
 */
@Service
public class ResidentBilling implements StripeEventHandler {

    /** Stripe bills a renewal at the period end and confirms it a little later; until then the resident stays online. */
    static final Duration RENEWAL_GRACE = Duration.ofDays(1);
    static final String SIGNUP_METADATA = "portico_resident_signup";
    private static final Set<String> TYPES = Set.of("checkout.session.completed", "invoice.paid", "invoice.payment_failed");
    private static final Logger log = LoggerFactory.getLogger(ResidentBilling.class);

    private final PaymentService payments;
    private final StripeClients clients;
    private final ResidentBillingRepository billing;
    private final PaidSignup signups;
    private final ResidentInvoices invoices;
    private final Clock clock;

    ResidentBilling(PaymentService payments, StripeClients clients, ResidentBillingRepository billing, PaidSignup signups,
                    ResidentInvoices invoices, Clock clock) {
        this.payments = payments;
        this.clients = clients;
        this.billing = billing;
        this.signups = signups;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** Whether residents of the operator can pay online (Stripe set up to take payments). */
    public boolean available(long operatorId) {
        return payments.stripeAccount(operatorId).canTakePayments();
    }

    /** Opens the Checkout Session for a prepared sign-up; the resident is sent to the answered URL. */
    public URI checkout(PaidSignup.Checkout checkout, URI successUrl, URI cancelUrl) {
        StripeAccount account = payments.stripeAccount(checkout.operatorId());
        if (!account.canTakePayments()) {
            throw PorticoException.invalid("payment", "Online payment is not set up here; ask the property to sign you up for this plan.");
        }
        return subscriptionCheckout(account, SIGNUP_METADATA, checkout.reference(), checkout.email(), checkout.planName(),
                new Money(checkout.amountMinor(), checkout.currency()), checkout.billingCycleHours(), checkout.trialDays(),
                successUrl, cancelUrl, null);
    }

    /**
     * A Checkout Session in subscription mode: one line with the price as a recurring price of the
     * billing cycle, {@code metadataKey = reference} on the session and on the subscription it
     * creates, and the trial as trial_period_days (none for 0).
     */
    URI subscriptionCheckout(StripeAccount account, String metadataKey, String reference, String email, String planName, Money price,
                             double billingCycleHours, int trialDays, URI successUrl, URI cancelUrl, @Nullable Instant expiresAt) {
        StripeRecurring recurring = StripeRecurring.of(billingCycleHours);
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata(metadataKey, reference);
        if (trialDays > 0) {
            subscription.setTrialPeriodDays((long) trialDays);
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setSuccessUrl(successUrl.toString())
                .setCancelUrl(cancelUrl.toString())
                .setClientReferenceId(reference)
                .setCustomerEmail(email)
                .putMetadata(metadataKey, reference)
                .setSubscriptionData(subscription.build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(price.stripeCurrency())
                                .setUnitAmount(price.minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(planName).build())
                                .setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                                        .setInterval(recurring.interval()).setIntervalCount(recurring.count()).build())
                                .build())
                        .build());
        if (expiresAt != null) {
            params.setExpiresAt(expiresAt.getEpochSecond());
        }
        try {
            Session session = clients.forAccount(account).v1().checkout().sessions().create(params.build());
            return URI.create(session.getUrl());
        } catch (StripeException e) {
            throw new PorticoException(Problem.UNAVAILABLE, "Stripe did not open the checkout (" + e.getCode() + ").");
        }
    }

    @Override
    public boolean supports(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(StripeEvent event, long operatorId) {
        switch (event.type()) {
            case "checkout.session.completed" -> sessionCompleted(event, operatorId);
            case "invoice.paid" -> invoicePaid(event, operatorId);
            case "invoice.payment_failed" -> invoiceFailed(event, operatorId);
            default -> { }
        }
    }

    private void sessionCompleted(StripeEvent event, long operatorId) {
        String reference = event.subscriptionCheckout(SIGNUP_METADATA);
        if (reference.isEmpty()) {
            return;
        }
        String stripeSubscription = event.value("subscription");
        ResidentBillingRepository.Billing row = locked(stripeSubscription, operatorId);
        Instant paidThrough = row.paidThrough() == null ? null : row.paidThrough().plus(RENEWAL_GRACE);
        Optional<Long> created = signups.complete(operatorId, reference, paidThrough);
        billing.link(stripeSubscription, reference, created.orElse(row.subscriptionId()), clock.instant());
        created.ifPresent(id -> invoices.attachWaiting(operatorId, stripeSubscription, id));
        if (created.isPresent() && row.failed() && row.paidThrough() != null) {
            signups.endBy(operatorId, created.get(), row.paidThrough());
        }
    }

    private void invoicePaid(StripeEvent event, long operatorId) {
        String stripeSubscription = subscriptionOf(event);
        Instant periodEnd = periodEnd(event.object());
        if (stripeSubscription.isEmpty() || periodEnd == null) {
            return;
        }
        ResidentBillingRepository.Billing row = locked(stripeSubscription, operatorId);
        billing.paidThrough(stripeSubscription, periodEnd, clock.instant());
        JsonNode invoice = event.object();
        long paidAt = invoice.path("status_transitions").path("paid_at").asLong(0);
        invoices.recordPaid(operatorId, stripeSubscription, event.value("id"),
                new Money(invoice.path("amount_paid").asLong(0), event.value("currency").isEmpty() ? "USD" : event.value("currency")),
                periodStart(invoice), periodEnd, paidAt > 0 ? Instant.ofEpochSecond(paidAt) : event.created(), row.subscriptionId());
        if (row.subscriptionId() != null && !row.cancelAtPeriodEnd()) {
            signups.extendTo(operatorId, row.subscriptionId(), periodEnd.plus(RENEWAL_GRACE));
        }
    }

    private void invoiceFailed(StripeEvent event, long operatorId) {
        String stripeSubscription = subscriptionOf(event);
        if (stripeSubscription.isEmpty()) {
            return;
        }
        ResidentBillingRepository.Billing row = locked(stripeSubscription, operatorId);
        billing.failed(stripeSubscription, clock.instant());
        if (row.subscriptionId() != null) {
            signups.endBy(operatorId, row.subscriptionId(), row.paidThrough() == null ? clock.instant() : row.paidThrough());
        }
        log.info("Renewal of Stripe subscription {} (operator {}) failed; the resident's subscription ends with the paid period",
                stripeSubscription, operatorId);
    }

    /**
     * The resident cancels at the period end (My plan): Stripe stops renewing
     * (cancel_at_period_end) and the subscription ends when the paid period does. 404 when the
     * subscription is not billed through Stripe.
     */
    @Transactional
    public Instant cancelAtPeriodEnd(long operatorId, long subscriptionId) {
        ResidentBillingRepository.Billing row = billing.bySubscription(operatorId, subscriptionId)
                .orElseThrow(() -> PorticoException.notFound("This subscription is not paid online."));
        StripeAccount account = payments.stripeAccount(operatorId);
        Instant end = row.paidThrough();
        try {
            com.stripe.model.Subscription updated = clients.forAccount(account).v1().subscriptions().update(row.stripeSubscriptionId(),
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
            Long periodEnd = updated.getItems() == null || updated.getItems().getData().isEmpty() ? null
                    : updated.getItems().getData().getFirst().getCurrentPeriodEnd();
            if (periodEnd != null) {
                end = Instant.ofEpochSecond(periodEnd);
            }
        } catch (StripeException e) {
            throw new PorticoException(Problem.UNAVAILABLE, "Stripe did not cancel the subscription (" + e.getCode() + ").");
        }
        billing.cancelAtPeriodEnd(row.stripeSubscriptionId(), clock.instant());
        Instant at = end == null ? clock.instant() : end;
        signups.endBy(operatorId, subscriptionId, at);
        return at;
    }

    /** Whether the subscription is billed through Stripe and still renews (My plan shows the cancel button). */
    public boolean renewsOnline(long operatorId, long subscriptionId) {
        return billing.bySubscription(operatorId, subscriptionId).map(b -> !b.cancelAtPeriodEnd()).orElse(false);
    }

    /** Whether the subscription is billed through Stripe and set to stop renewing (its plan cannot change until it ends). */
    public boolean stopsRenewing(long operatorId, long subscriptionId) {
        return billing.bySubscription(operatorId, subscriptionId).map(ResidentBillingRepository.Billing::cancelAtPeriodEnd).orElse(false);
    }

    ResidentBillingRepository.Billing locked(String stripeSubscription, long operatorId) {
        billing.ensure(stripeSubscription, operatorId, clock.instant());
        return billing.lock(stripeSubscription, operatorId)
                .orElseThrow(() -> PorticoException.conflict("Stripe subscription " + stripeSubscription + " belongs to another operator."));
    }

    /** The invoice's subscription: {@code parent.subscription_details.subscription} since API 2025-03-31, {@code subscription} before. */
    private static String subscriptionOf(StripeEvent event) {
        String parent = event.value("parent.subscription_details.subscription");
        return parent.isEmpty() ? event.value("subscription") : parent;
    }

    /** The start of the period the invoice pays for (its subscription lines' earliest start). */
    private static Instant periodStart(JsonNode invoice) {
        long earliest = Long.MAX_VALUE;
        for (JsonNode line : invoice.path("lines").path("data")) {
            earliest = Math.min(earliest, line.path("period").path("start").asLong(Long.MAX_VALUE));
        }
        return Instant.ofEpochSecond(earliest == Long.MAX_VALUE ? invoice.path("period_start").asLong(0) : earliest);
    }

    /** The end of the period the invoice pays for: its subscription line's period (the invoice's own period is the previous one). */
    private static @Nullable Instant periodEnd(JsonNode invoice) {
        long latest = 0;
        for (JsonNode line : invoice.path("lines").path("data")) {
            latest = Math.max(latest, line.path("period").path("end").asLong(0));
        }
        return latest == 0 ? null : Instant.ofEpochSecond(latest);
    }
}
