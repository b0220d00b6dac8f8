package io.portico.payment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for guests' PayPal orders (payment_paypal_order). */
@Repository
public class PayPalOrderRepository {

    /** A guest's PayPal order as Portico keeps it. */
    public record PayPalOrder(String reference, long operatorId, long clientId, long guestId, long guestPlanId, long amountMinor,
                              String currency, boolean sandbox, @Nullable String orderId, @Nullable String captureId,
                              String status, @Nullable Long purchaseId, @Nullable String email, String locale,
                              @Nullable String refundId) {
    }

    private final JdbcClient jdbc;

    PayPalOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PayPalOrder o, Instant now) {
        jdbc.sql("""
                        insert into payment_paypal_order (reference, operator_id, client_id, guest_id, guest_plan_id, amount_minor,
                        currency, sandbox, status, email, locale, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?)""")
                .params(o.reference(), o.operatorId(), o.clientId(), o.guestId(), o.guestPlanId(), o.amountMinor(), o.currency(),
                        o.sandbox(), o.email(), o.locale(), utc(now)).update();
    }

    public void setOrderId(String reference, String orderId) {
        jdbc.sql("update payment_paypal_order set order_id = ? where reference = ?").params(orderId, reference).update();
    }

    public Optional<PayPalOrder> find(long operatorId, String reference) {
        return jdbc.sql("select * from payment_paypal_order where operator_id = ? and reference = ?")
                .params(operatorId, reference).query(PayPalOrderRepository::order).optional();
    }

    public Optional<PayPalOrder> findByOrderId(long operatorId, String orderId) {
        return jdbc.sql("select * from payment_paypal_order where operator_id = ? and order_id = ?")
                .params(operatorId, orderId).query(PayPalOrderRepository::order).optional();
    }

    /** The buyer came back and the order was captured (the purchase still waits for the webhook). */
    public void captured(String reference, String captureId) {
        jdbc.sql("update payment_paypal_order set status = 'CAPTURED', capture_id = ? where reference = ? and status = 'CREATED'")
                .params(captureId, reference).update();
    }

    public Optional<PayPalOrder> findByCapture(long operatorId, String captureId) {
        return jdbc.sql("select * from payment_paypal_order where operator_id = ? and capture_id = ?")
                .params(operatorId, captureId).query(PayPalOrderRepository::order).optional();
    }

    public Optional<PayPalOrder> findByPurchase(long clientId, long purchaseId) {
        return jdbc.sql("select * from payment_paypal_order where client_id = ? and purchase_id = ?")
                .params(clientId, purchaseId).query(PayPalOrderRepository::order).optional();
    }

    /**
     * Completes the order once; false when it was completed (or refunded) already, by another
     * delivery or instance. An expired order still completes: PayPal took the money.
     */
    public boolean complete(String reference, String captureId, Instant now) {
        return jdbc.sql("""
                        update payment_paypal_order set status = 'COMPLETED', capture_id = ?, completed_at = ?
                        where reference = ? and status in ('CREATED', 'CAPTURED', 'EXPIRED')""")
                .params(captureId, utc(now), reference).update() == 1;
    }

    public void setPurchase(String reference, long purchaseId) {
        jdbc.sql("update payment_paypal_order set purchase_id = ? where reference = ?").params(purchaseId, reference).update();
    }

    /** Completed to refunded; false when it is not completed (any more). */
    public boolean markRefunded(String reference, String refundId, Instant now) {
        return jdbc.sql("""
                        update payment_paypal_order set status = 'REFUNDED', refund_id = ?, refunded_at = ?
                        where reference = ? and status = 'COMPLETED'""")
                .params(refundId, utc(now), reference).update() == 1;
    }

    /** A full refund of a captured order whose COMPLETED event has not come yet: no plan will start for it. */
    public boolean markRefundedBeforeCompletion(String reference, String refundId, Instant now) {
        return jdbc.sql("""
                        update payment_paypal_order set status = 'REFUNDED', refund_id = ?, refunded_at = ?
                        where reference = ? and status in ('CREATED', 'CAPTURED', 'EXPIRED') and purchase_id is null""")
                .params(refundId, utc(now), reference).update() == 1;
    }

    /** References of orders nobody approved and captured, created before {@code before}, oldest first. */
    public java.util.List<String> openBefore(Instant before, int limit) {
        return jdbc.sql("select reference from payment_paypal_order where status = 'CREATED' and created_at < ? order by created_at"
                        + " fetch first " + limit + " rows only")
                .params(utc(before)).query(String.class).list();
    }

    /** Created to expired; false when the guest came back (captured) in the meantime. */
    public boolean expire(String reference) {
        return jdbc.sql("update payment_paypal_order set status = 'EXPIRED' where reference = ? and status = 'CREATED'")
                .params(reference).update() == 1;
    }

    private static PayPalOrder order(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long purchase = rs.getLong("purchase_id");
        Long purchaseId = rs.wasNull() ? null : purchase;
        return new PayPalOrder(rs.getString("reference"), rs.getLong("operator_id"), rs.getLong("client_id"), rs.getLong("guest_id"),
                rs.getLong("guest_plan_id"), rs.getLong("amount_minor"), rs.getString("currency"), rs.getBoolean("sandbox"),
                rs.getString("order_id"), rs.getString("capture_id"), rs.getString("status"), purchaseId, rs.getString("email"),
                rs.getString("locale"), rs.getString("refund_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
