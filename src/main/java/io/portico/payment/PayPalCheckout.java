package io.portico.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.Purchase;
import io.portico.identity.Secrets;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.payment.internal.PayPalOrderRepository.PayPalOrder;
import io.portico.payment.internal.WebhookInbox;
import io.portico.payment.paypal.PayPalAccounts;
import io.portico.payment.paypal.PayPalApi;
import io.portico.payment.paypal.PayPalRecords;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guests paying for a guest plan with PayPal (Orders v2), beside Stripe Checkout: the portal
 * facade starts an order ({@link #startGuestOrder}) and sends the guest to PayPal, captures it
 * when the guest comes back ({@link #buyerReturned}), and the plan starts only when PayPal's
 * {@code PAYMENT.CAPTURE.COMPLETED} webhook, verified by PayPal's verification call, arrives
 * ({@link #receiveWebhook}): once per event id (the webhook inbox) and once per order. The same
 * webhook's PAYMENT.CAPTURE.REFUNDED ends a purchase refunded on PayPal's site ({@link GuestRefunds}).
 */
@Service
public class PayPalCheckout {

    /** The purchase's payment_gateway, spelled as the guest API documents it. */
    public static final String GATEWAY = "Paypal";
    public static final String PROVIDER = "paypal";
    static final String CAPTURE_COMPLETED = "PAYMENT.CAPTURE.COMPLETED";
    static final String CAPTURE_REFUNDED = "PAYMENT.CAPTURE.REFUNDED";
    private static final Logger log = LoggerFactory.getLogger(PayPalCheckout.class);

    private final PayPalAccounts accounts;
    private final PayPalOrderRepository orders;
    private final WebhookInbox inbox;
    private final GuestRefunds refunds;
    private final GuestPlanService guestPlans;
    private final TenantService tenants;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayPalCheckout(PayPalAccounts accounts, PayPalOrderRepository orders, WebhookInbox inbox, GuestRefunds refunds,
                   GuestPlanService guestPlans, TenantService tenants, TransactionTemplate transactions, PaymentProperties properties,
                   JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.orders = orders;
        this.inbox = inbox;
        this.refunds = refunds;
        this.guestPlans = guestPlans;
        this.tenants = tenants;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the operator's portal can offer PayPal (enabled, client id and secret set). */
    public boolean available(long operatorId) {
        return accounts.account(operatorId).isPresent();
    }

    /** The client's priced plans, when the operator's portal can offer PayPal; else none. */
    public java.util.List<GuestPlanOffer> offers(long operatorId, long clientId) {
        return available(operatorId) ? guestPlans.pricedPlans(clientId).stream().map(GuestPlanOffer::of).toList() : java.util.List.of();
    }

    /**
     * Creates a PayPal order for a priced guest plan and answers the page the guest approves it
     * on. {@code returnUrl} and {@code cancelUrl} are the portal's; PayPal adds {@code token}
     * (the order id) when it sends the guest back.
     */
    public URI startGuestOrder(long clientId, long guestId, long guestPlanId, URI returnUrl, URI cancelUrl) {
        return startGuestOrder(clientId, guestId, guestPlanId, returnUrl, cancelUrl, Optional.empty(), "en-us");
    }

    /**
     * {@link #startGuestOrder(long, long, long, URI, URI)} for a guest who may have left an e-mail
     * address (for the refund notice) and reads the portal in {@code locale}.
     */
    public URI startGuestOrder(long clientId, long guestId, long guestPlanId, URI returnUrl, URI cancelUrl, Optional<String> email,
                               String locale) {
        String address = GuestCheckoutRequest.receiptEmail(email).orElse(null);
        String language = locale.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?") ? locale : "en-us";
        Client client = tenants.findClient(clientId).orElseThrow(() -> PorticoException.notFound("Unknown client."));
        GuestPlan plan = guestPlans.requirePlan(clientId, guestPlanId);
        if (plan.priceCents() <= 0) {
            throw PorticoException.invalid("guestPlan", "This plan is free; it needs no payment.");
        }
        PayPalAccounts.Account account = accounts.account(client.operatorId())
                .orElseThrow(() -> new PorticoException(Problem.CONFLICT, "PayPal is not set up here."));
        Money price = new Money(plan.priceCents(), plan.currency());
        String reference = "pp_" + Secrets.randomToken("").substring(0, 24);
        orders.insert(new PayPalOrder(reference, client.operatorId(), clientId, guestId, plan.id(), price.minorUnits(),
                price.currency(), account.sandbox(), null, null, "CREATED", null, address, language, null), clock.instant());
        PayPalRecords.Order order = account.api().createOrder(new PayPalRecords.NewOrder(reference, plan.name(), price.minorUnits(),
                price.currency(), returnUrl, cancelUrl));
        orders.setOrderId(reference, order.id());
        log.info("PayPal order {} ({}) for guest {} of client {}, plan {}", order.id(), reference, guestId, clientId, plan.id());
        return order.approveUrl();
    }

    /**
     * The guest came back from PayPal with the order id: captures the order (a second return
     * does not capture again). The plan still waits for the webhook; the answer is the order as
     * Portico keeps it, for the portal's "confirming your payment" page.
     */
    public Optional<PayPalOrder> buyerReturned(long clientId, @Nullable String orderId) {
        if (orderId == null || !orderId.matches("[A-Za-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        Client client = tenants.findClient(clientId).orElseThrow(() -> PorticoException.notFound("Unknown client."));
        Optional<PayPalOrder> found = orders.findByOrderId(client.operatorId(), orderId).filter(o -> o.clientId() == clientId);
        if (found.isPresent() && found.get().status().equals("EXPIRED")) {
            // The housekeeping task gave up on it: capturing now would take money for an order Portico no longer waits for.
            throw PorticoException.conflict("This PayPal payment took too long and was cancelled; nothing was charged.");
        }
        if (found.isEmpty() || !found.get().status().equals("CREATED")) {
            return found;
        }
        PayPalAccounts.Account account = accounts.account(client.operatorId())
                .orElseThrow(() -> new PorticoException(Problem.CONFLICT, "PayPal is not set up here."));
        PayPalRecords.Capture capture = account.api().capture(orderId);
        orders.captured(found.get().reference(), capture.captureId());
        return orders.find(client.operatorId(), found.get().reference());
    }

    /**
     * The portal's return page: {@link #buyerReturned} (capturing at most once), then whether the
     * guest's order is complete, i.e. PayPal's verified webhook granted its plan. False for an
     * order that is not the guest's.
     */
    public boolean returnedAndGranted(long clientId, long guestId, @Nullable String orderId) {
        return buyerReturned(clientId, orderId).filter(o -> o.guestId() == guestId).map(o -> o.status().equals("COMPLETED"))
                .orElse(false);
    }

    /** The guest's order by our reference or PayPal's order id (the portal's waiting page). */
    public Optional<PayPalOrder> order(long clientId, String orderId) {
        return tenants.findClient(clientId).flatMap(c -> orders.findByOrderId(c.operatorId(), orderId))
                .filter(o -> o.clientId() == clientId);
    }

    /**
     * One delivery of PayPal's webhook for the operator. 404 when PayPal webhooks are not set up,
     * 400 when a transmission header is missing, the transmission is older than the tolerance (a
     * replay) or PayPal does not verify it; otherwise the event is acted on at most once.
     */
    public WebhookOutcome receiveWebhook(long operatorId, String payload, Map<String, String> headers) {
        PayPalAccounts.Account account = accounts.account(operatorId)
                .filter(a -> !a.webhookId().isBlank())
                .orElseThrow(() -> PorticoException.notFound("PayPal webhooks are not set up for this operator."));
        PayPalRecords.Transmission transmission = new PayPalRecords.Transmission(headers.get("PAYPAL-TRANSMISSION-ID"),
                headers.get("PAYPAL-TRANSMISSION-TIME"), headers.get("PAYPAL-TRANSMISSION-SIG"), headers.get("PAYPAL-CERT-URL"),
                headers.get("PAYPAL-AUTH-ALGO"));
        requireFresh(transmission.time());
        if (!account.api().verifyWebhook(account.webhookId(), transmission, payload)) {
            throw PorticoException.invalid("PayPal did not verify this webhook (verification_status FAILURE).");
        }
        JsonNode event = event(payload);
        String id = event.path("id").asString("");
        String type = event.path("event_type").asString("");
        WebhookOutcome outcome = transactions.execute(tx -> {
            if (!inbox.accept(PROVIDER, id, operatorId, type, clock.instant())) {
                return WebhookOutcome.DUPLICATE;
            }
            switch (type) {
                case CAPTURE_COMPLETED -> captureCompleted(operatorId, event.path("resource"));
                case CAPTURE_REFUNDED -> refunds.refundedAtPayPal(operatorId, event.path("resource"));
                default -> {
                    return WebhookOutcome.IGNORED;
                }
            }
            return WebhookOutcome.PROCESSED;
        });
        log.info("PayPal event {} ({}) for operator {}: {}", id, type, operatorId, outcome);
        return outcome;
    }

    private void captureCompleted(long operatorId, JsonNode resource) {
        PayPalRecords.Capture capture = PayPalApi.capture(
                resource.path("supplementary_data").path("related_ids").path("order_id").asString(""), resource);
        Optional<PayPalOrder> found = capture.customId() == null ? Optional.empty() : orders.find(operatorId, capture.customId());
        if (found.isEmpty() || !capture.completed()) {
            log.warn("PayPal capture {} of operator {} is not one of Portico's orders (custom_id {}) or not completed",
                    capture.captureId(), operatorId, capture.customId());
            return;
        }
        PayPalOrder order = found.get();
        if (order.amountMinor() != capture.amountMinor() || !order.currency().equals(capture.currency())) {
            log.error("PayPal capture {} paid {} {} for order {} of {} {}; no plan granted", capture.captureId(),
                    capture.amountMinor(), capture.currency(), order.reference(), order.amountMinor(), order.currency());
            return;
        }
        Instant now = clock.instant();
        if (!orders.complete(order.reference(), capture.captureId(), now)) {
            return;
        }
        Purchase purchase = guestPlans.recordPayment(order.clientId(), order.guestId(), order.guestPlanId(), GATEWAY,
                capture.captureId(), now);
        orders.setPurchase(order.reference(), purchase.id());
        String planName = guestPlans.findPlan(order.clientId(), order.guestPlanId()).map(GuestPlan::name).orElse("");
        events.publishEvent(new GuestPlanPaid(operatorId, purchase.id(), planName, new Money(order.amountMinor(), order.currency()),
                purchase.startsAt(), purchase.expiresAt(), capture.captureId(), now, order.email(), order.locale()));
    }

    private void requireFresh(String transmissionTime) {
        Instant sent;
        try {
            sent = Instant.parse(transmissionTime);
        } catch (DateTimeParseException e) {
            throw PorticoException.invalid("The PAYPAL-TRANSMISSION-TIME header is not a time.");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(properties.webhookTolerance()) > 0) {
            throw PorticoException.invalid("The webhook transmission is older than "
                    + properties.webhookTolerance().toSeconds() + " seconds (a replay?).");
        }
    }

    private JsonNode event(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event.path("id").asString("").isBlank() || event.path("id").asString("").length() > 255
                    || event.path("event_type").asString("").isBlank()) {
                throw PorticoException.invalid("The webhook body is not a PayPal event.");
            }
            return event;
        } catch (JacksonException e) {
            throw PorticoException.invalid("The webhook body is not a PayPal event.");
        }
    }
}
