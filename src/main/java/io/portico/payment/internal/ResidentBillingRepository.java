package io.portico.payment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the Stripe subscriptions that pay for residents' subscriptions (payment_resident_billing). */
@Repository
public class ResidentBillingRepository {

    /** One Stripe subscription as Portico knows it. */
    public record Billing(String stripeSubscriptionId, long operatorId, @Nullable Long subscriptionId,
                          @Nullable Instant paidThrough, boolean failed, boolean cancelAtPeriodEnd) {
    }

    private final JdbcClient jdbc;

    ResidentBillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the row if this is the first event of the Stripe subscription. Two first events at
     * the same moment: the second insert fails on the primary key, its transaction (and inbox row)
     * rolls back, and Stripe's retry finds the row.
     */
    public void ensure(String stripeSubscriptionId, long operatorId, Instant now) {
        jdbc.sql("""
                        insert into payment_resident_billing (stripe_subscription_id, operator_id, updated_at)
                        select ?, ?, ? where not exists (select 1 from payment_resident_billing where stripe_subscription_id = ?)""")
                .params(stripeSubscriptionId, operatorId, utc(now), stripeSubscriptionId).update();
    }

    /** The row, locked for this transaction (events of one Stripe subscription are applied one at a time). */
    public Optional<Billing> lock(String stripeSubscriptionId, long operatorId) {
        return jdbc.sql("select * from payment_resident_billing where stripe_subscription_id = ? and operator_id = ? for update")
                .params(stripeSubscriptionId, operatorId).query(ResidentBillingRepository::billing).optional();
    }

    public Optional<Billing> bySubscription(long operatorId, long subscriptionId) {
        return jdbc.sql("select * from payment_resident_billing where operator_id = ? and subscription_id = ? and ended_at is null")
                .params(operatorId, subscriptionId).query(ResidentBillingRepository::billing).optional();
    }

    public void link(String stripeSubscriptionId, String reference, @Nullable Long subscriptionId, Instant now) {
        jdbc.sql("update payment_resident_billing set signup_reference = ?, subscription_id = ?, updated_at = ? where stripe_subscription_id = ?")
                .params(reference, subscriptionId, utc(now), stripeSubscriptionId).update();
    }

    /** A paid invoice through {@code periodEnd}: paid_through becomes the later of the two, and a failure is forgotten. */
    public void paidThrough(String stripeSubscriptionId, Instant periodEnd, Instant now) {
        jdbc.sql("""
                        update payment_resident_billing set failed_at = null, updated_at = ?,
                        paid_through = case when paid_through is null or paid_through < ? then ? else paid_through end
                        where stripe_subscription_id = ?""")
                .params(utc(now), utc(periodEnd), utc(periodEnd), stripeSubscriptionId).update();
    }

    public void failed(String stripeSubscriptionId, Instant now) {
        jdbc.sql("update payment_resident_billing set failed_at = ?, updated_at = ? where stripe_subscription_id = ?")
                .params(utc(now), utc(now), stripeSubscriptionId).update();
    }

    public void cancelAtPeriodEnd(String stripeSubscriptionId, Instant now) {
        jdbc.sql("update payment_resident_billing set cancel_at_period_end = true, updated_at = ? where stripe_subscription_id = ?")
                .params(utc(now), stripeSubscriptionId).update();
    }

    /** Stripe deleted the subscription (customer.subscription.deleted): it bills nothing any more. */
    public void ended(String stripeSubscriptionId, Instant now) {
        jdbc.sql("update payment_resident_billing set ended_at = ?, updated_at = ? where stripe_subscription_id = ? and ended_at is null")
                .params(utc(now), utc(now), stripeSubscriptionId).update();
    }

    private static Billing billing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long subscription = rs.getLong("subscription_id");
        Long subscriptionId = rs.wasNull() ? null : subscription;
        OffsetDateTime paid = rs.getObject("paid_through", OffsetDateTime.class);
        return new Billing(rs.getString("stripe_subscription_id"), rs.getLong("operator_id"), subscriptionId,
                paid == null ? null : paid.toInstant(), rs.getObject("failed_at") != null, rs.getBoolean("cancel_at_period_end"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
