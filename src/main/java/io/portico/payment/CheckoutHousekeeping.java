package io.portico.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;

import io.portico.payment.GuestCheckout.State;
import io.portico.payment.internal.CheckoutRepository;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.payment.internal.StripeClients;

/**
 * Expires guests' checkouts that were never paid, so none stays open for ever: the recurring
 * db-scheduler task {@code payment-checkout-expiry} calls {@link #expireStale} on one instance at a
 * time. A Stripe Checkout Session still open at Stripe is expired there first (its page stops
 * taking payments); a PayPal order nobody approved and brought back is simply marked expired
 * (PayPal drops unapproved orders itself and nothing was captured). Money taken still gives
 * access: a late paid webhook for an expired checkout or order grants the plan.
 */
@Service
public class CheckoutHousekeeping {

    /** At most this many checkouts per provider and run, so one run stays short; the next run takes the rest. */
    static final int BATCH = 200;
    /** Stripe's longest Checkout Session lifetime. */
    private static final Duration STRIPE_MAX_LIFETIME = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(CheckoutHousekeeping.class);

    private final PaymentService payments;
    private final StripeClients stripe;
    private final CheckoutRepository checkouts;
    private final PayPalOrderRepository paypalOrders;
    private final PaymentProperties properties;
    private final Clock clock;

    CheckoutHousekeeping(PaymentService payments, StripeClients stripe, CheckoutRepository checkouts,
                         PayPalOrderRepository paypalOrders, PaymentProperties properties, Clock clock) {
        this.payments = payments;
        this.stripe = stripe;
        this.checkouts = checkouts;
        this.paypalOrders = paypalOrders;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run expired. */
    public record Expired(int cardCheckouts, int paypalOrders) {
    }

    /** Expires open card checkouts and unapproved PayPal orders older than {@code portico.payment.checkout-expiry}. */
    public Expired expireStale() {
        Instant before = clock.instant().minus(properties.checkoutExpiry());
        int cards = 0;
        for (GuestCheckout checkout : checkouts.openBefore(before, BATCH)) {
            if (releasedAtStripe(checkout) && checkouts.close(checkout.id(), State.EXPIRED)) {
                cards++;
            }
        }
        int orders = 0;
        for (String reference : paypalOrders.openBefore(before, BATCH)) {
            if (paypalOrders.expire(reference)) {
                orders++;
            }
        }
        if (cards + orders > 0) {
            log.info("Expired {} unpaid card checkouts and {} unapproved PayPal orders", cards, orders);
        }
        return new Expired(cards, orders);
    }

    /**
     * Expires the session at Stripe. True also when Stripe says it is no longer open (it expired
     * or was paid: a paid one's webhook still grants the plan) and when the session is past
     * Stripe's own 24-hour limit; false when Stripe did not answer, so the next run tries again.
     */
    private boolean releasedAtStripe(GuestCheckout checkout) {
        StripeAccount account = payments.stripeAccount(checkout.operatorId());
        if (account.secretKey().isBlank()) {
            return true;
        }
        try {
            stripe.forAccount(account).v1().checkout().sessions().expire(checkout.sessionId());
            return true;
        } catch (InvalidRequestException notOpen) {
            log.info("Stripe session {} was no longer open: {}", checkout.sessionId(), notOpen.getStripeError().getMessage());
            return true;
        } catch (StripeException e) {
            if (checkout.createdAt().isBefore(clock.instant().minus(STRIPE_MAX_LIFETIME))) {
                // Stripe expires every session within 24 hours on its own; no need to hear it say so.
                return true;
            }
            log.warn("Stripe did not expire session {} of operator {}: {} ({}); trying again next run", checkout.sessionId(),
                    checkout.operatorId(), e.getCode(), e.getStatusCode());
            return false;
        }
    }
}
