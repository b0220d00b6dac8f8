package io.portico.payment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents' plan changes waiting for Stripe's confirmation (payment_resident_plan_change). */
@Repository
public class PlanChangeRepository {

    public enum Kind { CHECKOUT, UPDATE, TO_FREE }

    /** One requested change; {@code state} is OPEN until the webhook applies it (APPLIED) or a newer one replaces it (SUPERSEDED). */
    public record PlanChange(long id, long operatorId, long subscriptionId, long planId, String planName, String reference, Kind kind, String state,
                             @Nullable String stripeSubscriptionId, long amountMinor, String currency, int trialCycles,
                             String requestedBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PlanChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new request and supersedes the subscription's older open ones, so their late events change nothing. */
    public void insert(PlanChange c) {
        jdbc.sql("update payment_resident_plan_change set state = 'SUPERSEDED' where operator_id = ? and subscription_id = ? and state = 'OPEN'")
                .params(c.operatorId(), c.subscriptionId()).update();
        jdbc.sql("""
                        insert into payment_resident_plan_change (operator_id, subscription_id, plan_id, plan_name, reference, kind, state,
                        stripe_subscription_id, amount_minor, currency, trial_cycles, requested_by, created_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)""")
                .params(c.operatorId(), c.subscriptionId(), c.planId(), c.planName(), c.reference(), c.kind().name(), c.stripeSubscriptionId(),
                        c.amountMinor(), c.currency(), c.trialCycles(), c.requestedBy(), utc(c.createdAt())).update();
    }

    public Optional<PlanChange> find(long operatorId, String reference) {
        return jdbc.sql("select * from payment_resident_plan_change where operator_id = ? and reference = ?")
                .params(operatorId, reference).query(PlanChangeRepository::change).optional();
    }

    /** The subscription's open request, if any (the newest; older ones are superseded). */
    public Optional<PlanChange> open(long operatorId, long subscriptionId) {
        return jdbc.sql("select * from payment_resident_plan_change where operator_id = ? and subscription_id = ? and state = 'OPEN' order by id desc")
                .params(operatorId, subscriptionId).query(PlanChangeRepository::change).list().stream().findFirst();
    }

    /** The open change to a free plan waiting for the Stripe subscription's end. */
    public Optional<PlanChange> openToFree(long operatorId, String stripeSubscriptionId) {
        return jdbc.sql("""
                        select * from payment_resident_plan_change where operator_id = ? and stripe_subscription_id = ?
                        and kind = 'TO_FREE' and state = 'OPEN' order by id desc""")
                .params(operatorId, stripeSubscriptionId).query(PlanChangeRepository::change).list().stream().findFirst();
    }

    /** OPEN -> APPLIED; false when another delivery (or a newer request) got there first: the change is applied once. */
    public boolean apply(long id, Instant now) {
        return jdbc.sql("update payment_resident_plan_change set state = 'APPLIED', applied_at = ? where id = ? and state = 'OPEN'")
                .params(utc(now), id).update() == 1;
    }

    /**
     * A paid Checkout: OPEN or SUPERSEDED -> APPLIED (a resident who opened two checkouts and paid
     * the older one gets what they paid for), and the subscription's other open requests are
     * superseded; false when it was applied before.
     */
    public boolean applyPaid(PlanChange c, Instant now) {
        boolean applied = jdbc.sql("update payment_resident_plan_change set state = 'APPLIED', applied_at = ? where id = ? and state in ('OPEN', 'SUPERSEDED')")
                .params(utc(now), c.id()).update() == 1;
        if (applied) {
            jdbc.sql("update payment_resident_plan_change set state = 'SUPERSEDED' where operator_id = ? and subscription_id = ? and state = 'OPEN'")
                    .params(c.operatorId(), c.subscriptionId()).update();
        }
        return applied;
    }

    /** Stripe refused the request: it will never be confirmed. */
    public void failed(long id) {
        jdbc.sql("update payment_resident_plan_change set state = 'FAILED' where id = ? and state = 'OPEN'").param(id).update();
    }

    private static PlanChange change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PlanChange(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("subscription_id"), rs.getLong("plan_id"), rs.getString("plan_name"),
                rs.getString("reference"), Kind.valueOf(rs.getString("kind")), rs.getString("state"), rs.getString("stripe_subscription_id"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getInt("trial_cycles"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
