package io.portico.guest.persistence;

import static io.portico.guest.persistence.GuestRepository.instant;
import static io.portico.guest.persistence.GuestRepository.instantOrNull;
import static io.portico.guest.persistence.GuestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.ActiveGuestPlan;
import io.portico.guest.GuestPlan;
import io.portico.guest.MacAddress;
import io.portico.guest.PlanState;
import io.portico.guest.Purchase;
import io.portico.guest.PurchaseDetails;

/** SQL for guests' purchases of guest plans, with the active-plan look-ups RADIUS asks for. */
@Repository
public class PurchaseRepository {

    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Purchase insert(Purchase p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_PURCHASE).params(purchaseValues(p)).update(keys, "id");
        return new Purchase(keys.getKeyAs(Long.class), p.clientId(), p.guestId(), p.guestPlanId(), p.startsAt(),
                p.expiresAt(), p.paymentGateway(), p.transactionId(), p.revokedAt(), p.createdAt());
    }

    /** Inserts many purchases in one JDBC batch (demo data). */
    public void insertAll(List<Purchase> purchases) {
        for (List<Purchase> chunk : chunks(purchases)) {
            StringBuilder sql = new StringBuilder(INSERT_PURCHASE);
            List<@Nullable Object> params = new java.util.ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    sql.append(", (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                }
                params.addAll(java.util.Arrays.asList(purchaseValues(chunk.get(i))));
            }
            jdbc.sql(sql.toString()).params(params.toArray()).update();
        }
    }

    private static List<List<Purchase>> chunks(List<Purchase> all) {
        List<List<Purchase>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static final String INSERT_PURCHASE = """
            insert into guest_plan_purchase (client_id, guest_id, guest_plan_id, starts_at, expires_at, payment_gateway,
                                             transaction_id, revoked_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static @Nullable Object[] purchaseValues(Purchase p) {
        return new @Nullable Object[] {p.clientId(), p.guestId(), p.guestPlanId(), utc(p.startsAt()), utc(p.expiresAt()),
                p.paymentGateway(), p.transactionId(), utc(p.revokedAt()), utc(p.createdAt())};
    }

    public Optional<Purchase> findPurchase(long id) {
        return jdbc.sql("select * from guest_plan_purchase where id = ?").param(id).query(PurchaseRepository::purchase).optional();
    }

    public List<Purchase> listPurchases(long guestId) {
        return jdbc.sql("select * from guest_plan_purchase where guest_id = ? order by starts_at desc, id desc")
                .param(guestId).query(PurchaseRepository::purchase).list();
    }

    public void revoke(long purchaseId, Instant at) {
        jdbc.sql("update guest_plan_purchase set revoked_at = ?, expires_at = least(expires_at, ?) where id = ? and revoked_at is null")
                .params(utc(at), utc(at), purchaseId).update();
    }

    private static final String ACTIVE_COLUMNS = """
            select p.*, gp.id as gp_id, gp.client_id as gp_client_id, gp.session_profile_id, gp.name as gp_name,
                   gp.duration_minutes, gp.price_cents, gp.currency, gp.created_at as gp_created_at,
                   sp.id as sp_id, sp.client_id as sp_client_id, sp.name as sp_name, sp.session_timeout_seconds,
                   sp.idle_timeout_seconds, sp.download_kbps, sp.upload_kbps, sp.data_cap_bytes,
                   sp.created_at as sp_created_at
            """;

    private static final String ACTIVE_AT = """
               and p.revoked_at is null and p.starts_at <= ? and p.expires_at > ?
             order by p.expires_at desc, p.id desc
             fetch first 1 rows only""";

    /** The latest-expiring purchase active at the instant, with its plan and session profile. */
    public Optional<ActiveGuestPlan> findActive(long clientId, long guestId, Instant at) {
        return jdbc.sql(ACTIVE_COLUMNS + """
                          from guest_plan_purchase p
                          join guest_plan gp on gp.id = p.guest_plan_id
                          join session_profile sp on sp.id = gp.session_profile_id
                         where p.client_id = ? and p.guest_id = ?""" + ACTIVE_AT)
                .params(clientId, guestId, utc(at), utc(at))
                .query(PurchaseRepository::activeGuestPlan)
                .optional();
    }

    /**
     * The purchase {@link #findActive} would find for the client's guest with the MAC, in one
     * round trip: the guest by its unique (client, MAC) index, its purchases by (guest, expiry).
     * RADIUS asks this for every Access-Request of a known device.
     */
    public Optional<Purchase> findActivePurchaseByMac(long clientId, MacAddress mac, Instant at) {
        return jdbc.sql("""
                        select p.*
                          from guest g
                          join guest_plan_purchase p on p.guest_id = g.id
                         where g.client_id = ? and g.mac_address = ? and p.client_id = ?""" + ACTIVE_AT)
                .params(clientId, mac.value(), clientId, utc(at), utc(at))
                .query(PurchaseRepository::purchase)
                .optional();
    }

    private static ActiveGuestPlan activeGuestPlan(ResultSet rs, int row) throws SQLException {
        return new ActiveGuestPlan(purchase(rs, row),
                new GuestPlan(rs.getLong("gp_id"), rs.getLong("gp_client_id"), rs.getLong("session_profile_id"),
                        rs.getString("gp_name"), Duration.ofMinutes(rs.getLong("duration_minutes")),
                        rs.getLong("price_cents"), rs.getString("currency"), instant(rs, "gp_created_at")),
                SessionProfileRepository.sessionProfile(rs, "sp_"));
    }

    /**
     * Purchases of the client started at or after {@code since}, in the state as of {@code now},
     * oldest start first, with the guest's token, MAC and e-mail.
     */
    public List<PurchaseDetails> startedSince(long clientId, Instant since, PlanState state, Instant now) {
        boolean active = state == PlanState.ACTIVE;
        String stateFilter = active
                ? " and p.revoked_at is null and p.starts_at <= ? and p.expires_at > ?"
                : " and (p.revoked_at is not null or p.expires_at <= ?)";
        List<Object> params = new java.util.ArrayList<>(List.of(clientId, utc(since), utc(now)));
        if (active) {
            params.add(utc(now));
        }
        return jdbc.sql("""
                        select p.id, p.starts_at, p.expires_at, p.payment_gateway, p.transaction_id,
                               g.token, g.mac_address, g.email, gp.name as plan_name, sp.name as profile_name
                          from guest_plan_purchase p
                          join guest g on g.id = p.guest_id
                          join guest_plan gp on gp.id = p.guest_plan_id
                          join session_profile sp on sp.id = gp.session_profile_id
                         where p.client_id = ? and p.starts_at >= ?""" + stateFilter + " order by p.starts_at, p.id")
                .params(params)
                .query((rs, row) -> new PurchaseDetails(rs.getLong("id"), rs.getObject("token", UUID.class),
                        new MacAddress(rs.getString("mac_address")), rs.getString("email"), rs.getString("plan_name"),
                        instant(rs, "starts_at"), instant(rs, "expires_at"), active,
                        rs.getString("profile_name"), rs.getString("payment_gateway"), rs.getString("transaction_id")))
                .list();
    }

    private static Purchase purchase(ResultSet rs, int row) throws SQLException {
        return new Purchase(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_id"), rs.getLong("guest_plan_id"),
                instant(rs, "starts_at"), instant(rs, "expires_at"), rs.getString("payment_gateway"),
                rs.getString("transaction_id"), instantOrNull(rs, "revoked_at"), instant(rs, "created_at"));
    }
}
