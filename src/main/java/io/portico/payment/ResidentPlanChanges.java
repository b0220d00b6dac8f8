package io.portico.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionUpdateParams;

import io.portico.identity.Secrets;
import io.portico.payment.internal.PlanChangeRepository;
import io.portico.payment.internal.PlanChangeRepository.Kind;
import io.portico.payment.internal.ResidentBillingRepository;
import io.portico.payment.internal.StripeClients;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.subscription.PaidSignup;
import io.portico.subscription.ResidentService;
import io.portico.subscription.SubscriberPrincipal;
import tools.jackson.databind.JsonNode;

/**
 * A resident changes plan on My plan and pays through Stripe (the subscriber console calls
 * {@link #request}); Portico changes the plan only when Stripe's signed webhook confirms it, once:
 * <ul>
 * <li>no Stripe subscription yet, to a paid plan: a Checkout Session in subscription mode (with
 * the trial the resident may still have); {@code checkout.session.completed} applies it;</li>
 * <li>billed already, to another paid plan: the Stripe subscription's item gets the new plan's
 * price (Stripe prorates by default); {@code customer.subscription.updated} with that price
 * applies it;</li>
 * <li>billed, to a free plan: Stripe stops renewing; {@code customer.subscription.deleted} at the
 * period end applies it and the subscription runs on without an end;</li>
 * <li>free to free: at once, as before.</li>
 * </ul>
 * Each request carries its reference in the Stripe metadata ({@value #METADATA}); the OPEN ->
 * APPLIED update decides, a newer request supersedes an older one, so duplicated, late or
 * out-of-order events never change a plan twice or back.
 */
@Service
public class ResidentPlanChanges implements StripeEventHandler {

    static final String METADATA = "portico_plan_change";
    private static final Set<String> TYPES = Set.of("checkout.session.completed", "customer.subscription.updated",
            "customer.subscription.deleted");
    private static final Logger log = LoggerFactory.getLogger(ResidentPlanChanges.class);

    /** What the request led to: changed now, the resident goes to Checkout, waits for Stripe, changes at the period end, or cannot pay here. */
    public enum Outcome { CHANGED, CHECKOUT, PENDING, AT_PERIOD_END, NOT_AVAILABLE }

    public record Result(Outcome outcome, @Nullable URI checkoutUrl) {
    }

    /** A change waiting for Stripe, as My plan shows it; {@code at} is when a change to a free plan happens. */
    public record Pending(String planName, boolean atPeriodEnd, @Nullable Instant at) {
    }

    private final PaymentService payments;
    private final StripeClients clients;
    private final ResidentBilling residentBilling;
    private final ResidentBillingRepository billing;
    private final PlanChangeRepository changes;
    private final ResidentInvoices invoices;
    private final PaidSignup signups;
    private final ResidentService residents;
    private final PaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResidentPlanChanges(PaymentService payments, StripeClients clients, ResidentBilling residentBilling, ResidentBillingRepository billing,
                        PlanChangeRepository changes, ResidentInvoices invoices, PaidSignup signups, ResidentService residents,
                        PaymentProperties properties, TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.clients = clients;
        this.residentBilling = residentBilling;
        this.billing = billing;
        this.changes = changes;
        this.invoices = invoices;
        this.signups = signups;
        this.residents = residents;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The resident asks to move a subscription to {@code planKey}. The request is stored (and
     * committed) before Stripe is called, so a webhook that comes back at once finds it. 409 while
     * the paid plan is set to stop renewing; 503 when Stripe does not answer.
     */
    public Result request(SubscriberPrincipal resident, long subscriptionId, String planKey, URI returnUrl, URI cancelUrl) {
        PaidSignup.PlanChange c = signups.planChange(resident, subscriptionId, planKey);
        Optional<ResidentBillingRepository.Billing> billed = billing.bySubscription(resident.operatorId(), subscriptionId);
        if (billed.isEmpty() && !c.paid()) {
            residents.changePlan(resident, subscriptionId, planKey);
            return new Result(Outcome.CHANGED, null);
        }
        StripeAccount account = payments.stripeAccount(resident.operatorId());
        if (!account.canTakePayments()) {
            return new Result(Outcome.NOT_AVAILABLE, null);
        }
        if (billed.isEmpty()) {
            StripeRecurring.of(c.billingCycleHours());
            String reference = store(c, Kind.CHECKOUT, null, resident.email());
            Instant expires = clock.instant().plus(properties.checkoutExpiry());
            return new Result(Outcome.CHECKOUT, residentBilling.subscriptionCheckout(account, METADATA, reference, c.email(), c.planName(),
                    new Money(c.amountMinor(), c.currency()), c.billingCycleHours(), c.trialDays(), returnUrl, cancelUrl, expires));
        }
        ResidentBillingRepository.Billing row = billed.get();
        if (row.cancelAtPeriodEnd()) {
            throw PorticoException.conflict("Your paid plan is set to stop renewing; it cannot change until it has ended.");
        }
        String stripeSubscription = row.stripeSubscriptionId();
        Kind kind = c.paid() ? Kind.UPDATE : Kind.TO_FREE;
        String reference = store(c, kind, stripeSubscription, resident.email());
        try {
            StripeClient stripe = clients.forAccount(account);
            SubscriptionUpdateParams.Builder update = SubscriptionUpdateParams.builder().putMetadata(METADATA, reference);
            if (kind == Kind.UPDATE) {
                // Stripe's default proration (create_prorations): the difference is settled on the next invoice.
                Subscription current = stripe.v1().subscriptions().retrieve(stripeSubscription);
                Price price = stripe.v1().prices().create(price(c));
                update.addItem(SubscriptionUpdateParams.Item.builder().setId(current.getItems().getData().getFirst().getId())
                        .setPrice(price.getId()).build());
            } else {
                update.setCancelAtPeriodEnd(true);
            }
            stripe.v1().subscriptions().update(stripeSubscription, update.build());
        } catch (StripeException e) {
            changes.find(resident.operatorId(), reference).ifPresent(p -> changes.failed(p.id()));
            log.warn("Stripe refused the plan change of subscription {} (operator {}): {} ({})", subscriptionId, resident.operatorId(),
                    e.getCode(), e.getStatusCode());
            throw new PorticoException(Problem.UNAVAILABLE, "Stripe did not take the plan change. Please try again.");
        }
        if (kind == Kind.TO_FREE) {
            billing.cancelAtPeriodEnd(stripeSubscription, clock.instant());
            return new Result(Outcome.AT_PERIOD_END, null);
        }
        return new Result(Outcome.PENDING, null);
    }

    /** The subscription's change waiting for Stripe, if any (an unpaid Checkout only until the session expires). */
    public Optional<Pending> pending(SubscriberPrincipal resident, long subscriptionId) {
        Instant now = clock.instant();
        return changes.open(resident.operatorId(), subscriptionId)
                .filter(c -> c.kind() != Kind.CHECKOUT || c.createdAt().plus(properties.checkoutExpiry()).isAfter(now))
                .map(c -> new Pending(c.planName(), c.kind() == Kind.TO_FREE, c.kind() == Kind.TO_FREE
                        ? billing.bySubscription(resident.operatorId(), subscriptionId).map(ResidentBillingRepository.Billing::paidThrough).orElse(null)
                        : null));
    }

    private String store(PaidSignup.PlanChange c, Kind kind, @Nullable String stripeSubscription, String requestedBy) {
        String reference = "pc_" + Secrets.randomToken("").substring(0, 24);
        transactions.executeWithoutResult(tx -> changes.insert(new PlanChangeRepository.PlanChange(0, c.operatorId(), c.subscriptionId(),
                c.planId(), c.planName(), reference, kind, "OPEN", stripeSubscription, c.amountMinor(), c.currency(),
                kind == Kind.CHECKOUT ? c.trialCycles() : 0, requestedBy, clock.instant())));
        return reference;
    }

    private static PriceCreateParams price(PaidSignup.PlanChange c) {
        Money money = new Money(c.amountMinor(), c.currency());
        StripeRecurring recurring = StripeRecurring.of(c.billingCycleHours());
        PriceCreateParams.Recurring.Interval interval = Arrays.stream(PriceCreateParams.Recurring.Interval.values())
                .filter(i -> i.getValue().equals(recurring.interval().getValue())).findFirst().orElseThrow();
        return PriceCreateParams.builder().setCurrency(money.stripeCurrency()).setUnitAmount(money.minorUnits())
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(interval).setIntervalCount(recurring.count()).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName(c.planName()).build())
                .putMetadata(METADATA, "plan-" + c.planId())
                .build();
    }

    // ---- Stripe's webhook ----

    @Override
    public boolean supports(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(StripeEvent event, long operatorId) {
        switch (event.type()) {
            case "checkout.session.completed" -> checkoutCompleted(event, operatorId);
            case "customer.subscription.updated" -> subscriptionUpdated(event, operatorId);
            case "customer.subscription.deleted" -> subscriptionDeleted(event, operatorId);
            default -> { }
        }
    }

    private void checkoutCompleted(StripeEvent event, long operatorId) {
        String reference = event.subscriptionCheckout(METADATA);
        if (reference.isEmpty()) {
            return;
        }
        String stripeSubscription = event.value("subscription");
        Optional<PlanChangeRepository.PlanChange> found = changes.find(operatorId, reference).filter(c -> c.kind() == Kind.CHECKOUT);
        if (found.isEmpty()) {
            log.warn("Stripe event {} names plan change {}, unknown to operator {}", event.id(), reference, operatorId);
            return;
        }
        PlanChangeRepository.PlanChange change = found.get();
        ResidentBillingRepository.Billing row = residentBilling.locked(stripeSubscription, operatorId);
        billing.link(stripeSubscription, reference, change.subscriptionId(), clock.instant());
        if (!changes.applyPaid(change, clock.instant())) {
            log.info("Plan change {} was applied before; Stripe subscription {} is linked only", reference, stripeSubscription);
            return;
        }
        signups.applyPlanChange(operatorId, change.subscriptionId(), change.planId(), change.requestedBy(), change.trialCycles(), true,
                row.paidThrough() == null ? null : row.paidThrough().plus(ResidentBilling.RENEWAL_GRACE));
        invoices.attachWaiting(operatorId, stripeSubscription, change.subscriptionId());
    }

    private void subscriptionUpdated(StripeEvent event, long operatorId) {
        String reference = event.value("metadata." + METADATA);
        if (reference.isEmpty()) {
            return;
        }
        Optional<PlanChangeRepository.PlanChange> found = changes.find(operatorId, reference)
                .filter(c -> c.kind() == Kind.UPDATE && c.stripeSubscriptionId() != null && c.stripeSubscriptionId().equals(event.value("id")));
        if (found.isEmpty()) {
            return;
        }
        PlanChangeRepository.PlanChange change = found.get();
        residentBilling.locked(change.stripeSubscriptionId(), operatorId);
        JsonNode price = event.object().path("items").path("data").path(0).path("price");
        if (price.path("unit_amount").asLong(-1) != change.amountMinor()
                || !new Money(0, change.currency()).stripeCurrency().equals(price.path("currency").asString())) {
            log.info("Stripe event {} for plan change {} does not carry its price yet; nothing applied", event.id(), reference);
            return;
        }
        if (changes.apply(change.id(), clock.instant())) {
            signups.applyPlanChange(operatorId, change.subscriptionId(), change.planId(), change.requestedBy(), 0, false, null);
        }
    }

    private void subscriptionDeleted(StripeEvent event, long operatorId) {
        String stripeSubscription = event.value("id");
        if (stripeSubscription.isEmpty()) {
            return;
        }
        residentBilling.locked(stripeSubscription, operatorId);
        billing.ended(stripeSubscription, clock.instant());
        changes.openToFree(operatorId, stripeSubscription).filter(c -> changes.apply(c.id(), clock.instant())).ifPresent(c -> {
            signups.applyPlanChange(operatorId, c.subscriptionId(), c.planId(), c.requestedBy(), 0, false, null);
            signups.openEnd(operatorId, c.subscriptionId());
        });
    }
}
