package io.portico.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.MacAddress;
import io.portico.payment.GuestCheckout;
import io.portico.payment.GuestCheckout.State;
import io.portico.payment.Money;

/** SQL for guests' checkouts; state changes are compare-and-set updates, so only one caller moves a checkout on. */
@Repository
public class CheckoutRepository {

    private final JdbcClient jdbc;

    CheckoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(GuestCheckout c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into payment_checkout (operator_id, client_id, hotspot_id, guest_id, guest_plan_id, mac_address,
                               provider, provider_session_id, amount_minor, currency, email, locale, state, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.operatorId(), c.clientId(), c.hotspotId(), c.guestId(), c.guestPlanId(), c.device().value(),
                        c.provider(), c.sessionId(), c.amount().minorUnits(), c.amount().currency(), c.email(), c.locale(),
                        c.state().name(), utc(c.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<GuestCheckout> findBySession(String provider, String sessionId) {
        return jdbc.sql("select * from payment_checkout where provider = ? and provider_session_id = ?")
                .params(provider, sessionId).query(CheckoutRepository::row).optional();
    }

    public Optional<GuestCheckout> findByPaymentReference(long operatorId, String paymentReference) {
        return jdbc.sql("select * from payment_checkout where operator_id = ? and payment_reference = ?")
                .params(operatorId, paymentReference).query(CheckoutRepository::row).optional();
    }

    public Optional<GuestCheckout> findByPurchase(long clientId, long purchaseId) {
        return jdbc.sql("select * from payment_checkout where client_id = ? and purchase_id = ?")
                .params(clientId, purchaseId).query(CheckoutRepository::row).optional();
    }

    /**
     * Open (or expired: the money was taken all the same) to paid; false when another delivery
     * (or instance) already moved it on.
     */
    public boolean markPaid(long id, String paymentReference, Instant at) {
        return jdbc.sql("""
                        update payment_checkout set state = 'PAID', payment_reference = ?, paid_at = ?
                        where id = ? and state in ('OPEN', 'EXPIRED')""")
                .params(paymentReference, utc(at), id).update() == 1;
    }

    public void setPurchase(long id, long purchaseId) {
        jdbc.sql("update payment_checkout set purchase_id = ? where id = ?").params(purchaseId, id).update();
    }

    /** Open to failed or expired. */
    public boolean close(long id, State state) {
        return jdbc.sql("update payment_checkout set state = ? where id = ? and state = 'OPEN'").params(state.name(), id).update() == 1;
    }

    /** Open checkouts created before {@code before}, oldest first: the housekeeping task expires them. */
    public java.util.List<GuestCheckout> openBefore(Instant before, int limit) {
        return jdbc.sql("select * from payment_checkout where state = 'OPEN' and created_at < ? order by created_at"
                        + " fetch first " + limit + " rows only")
                .params(utc(before)).query(CheckoutRepository::row).list();
    }

    /** Paid to refunded; false when it is not paid (any more). */
    public boolean markRefunded(long id, String refundReference, Instant at) {
        return jdbc.sql("update payment_checkout set state = 'REFUNDED', refund_reference = ?, refunded_at = ? where id = ? and state = 'PAID'")
                .params(refundReference, utc(at), id).update() == 1;
    }

    private static @Nullable OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static GuestCheckout row(ResultSet rs, int n) throws SQLException {
        long purchase = rs.getLong("purchase_id");
        Long purchaseId = rs.wasNull() ? null : purchase;
        return new GuestCheckout(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("client_id"), rs.getLong("hotspot_id"),
                rs.getLong("guest_id"), rs.getLong("guest_plan_id"), new MacAddress(rs.getString("mac_address")),
                rs.getString("provider"), rs.getString("provider_session_id"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("email"), rs.getString("locale"),
                State.valueOf(rs.getString("state")), rs.getString("payment_reference"), purchaseId,
                rs.getString("refund_reference"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
