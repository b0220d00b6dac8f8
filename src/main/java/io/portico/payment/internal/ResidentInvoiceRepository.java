package io.portico.payment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents' paid Stripe invoices (payment_resident_invoice): receipts and the Billing list. */
@Repository
public class ResidentInvoiceRepository {

    /** One paid invoice; subscription and subscriber are null until the Stripe subscription is linked. */
    public record Invoice(long id, long operatorId, String stripeInvoiceId, String stripeSubscriptionId, @Nullable Long subscriptionId,
                          @Nullable Long subscriberId, long amountMinor, String currency, @Nullable String planName,
                          Instant periodStart, Instant periodEnd, Instant paidAt) {
    }

    private final JdbcClient jdbc;

    ResidentInvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the invoice unless it is known; false for a repeated one (no second receipt). */
    public boolean insert(Invoice i) {
        return jdbc.sql("""
                        insert into payment_resident_invoice (operator_id, stripe_invoice_id, stripe_subscription_id, subscription_id,
                        subscriber_id, amount_minor, currency, plan_name, period_start, period_end, paid_at)
                        select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists
                        (select 1 from payment_resident_invoice where stripe_invoice_id = ?)""")
                .params(i.operatorId(), i.stripeInvoiceId(), i.stripeSubscriptionId(), i.subscriptionId(), i.subscriberId(), i.amountMinor(),
                        i.currency(), i.planName(), utc(i.periodStart()), utc(i.periodEnd()), utc(i.paidAt()), i.stripeInvoiceId())
                .update() == 1;
    }

    public Invoice byStripeId(String stripeInvoiceId) {
        return jdbc.sql("select * from payment_resident_invoice where stripe_invoice_id = ?").param(stripeInvoiceId)
                .query(ResidentInvoiceRepository::invoice).single();
    }

    /** The Stripe subscription's invoices not attached to a Portico subscription yet. */
    public List<Invoice> unattached(long operatorId, String stripeSubscriptionId) {
        return jdbc.sql("select * from payment_resident_invoice where operator_id = ? and stripe_subscription_id = ? and subscription_id is null order by id")
                .params(operatorId, stripeSubscriptionId).query(ResidentInvoiceRepository::invoice).list();
    }

    public void attach(long id, long subscriptionId, long subscriberId, String planName) {
        jdbc.sql("update payment_resident_invoice set subscription_id = ?, subscriber_id = ?, plan_name = ? where id = ? and subscription_id is null")
                .params(subscriptionId, subscriberId, planName, id).update();
    }

    /** One page of a resident's paid invoices, newest first; {@code limit} rows from {@code offset}. */
    public List<Invoice> bySubscriber(long operatorId, long subscriberId, int offset, int limit) {
        return jdbc.sql("""
                        select * from payment_resident_invoice where operator_id = ? and subscriber_id = ?
                        order by paid_at desc, id desc limit ? offset ?""")
                .params(operatorId, subscriberId, limit, offset).query(ResidentInvoiceRepository::invoice).list();
    }

    private static Invoice invoice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long subscription = rs.getLong("subscription_id");
        Long subscriptionId = rs.wasNull() ? null : subscription;
        long subscriber = rs.getLong("subscriber_id");
        Long subscriberId = rs.wasNull() ? null : subscriber;
        return new Invoice(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("stripe_invoice_id"), rs.getString("stripe_subscription_id"),
                subscriptionId, subscriberId, rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("plan_name"),
                instant(rs, "period_start"), instant(rs, "period_end"), instant(rs, "paid_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
