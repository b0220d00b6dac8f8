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
import io.portico.guest.SessionProfile;
import io.portico.guest.Voucher;

/** SQL for session profiles, guest plans, purchases and vouchers. */
@Repository
public class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SessionProfile insert(SessionProfile p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into session_profile (client_id, name, session_timeout_seconds, idle_timeout_seconds,
                                                     download_kbps, upload_kbps, data_cap_bytes, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.clientId(), p.name(), seconds(p.sessionTimeout()), seconds(p.idleTimeout()), p.downloadKbps(),
                        p.uploadKbps(), p.dataCapBytes(), utc(p.createdAt()))
                .update(keys, "id");
        return new SessionProfile(keys.getKeyAs(Long.class), p.clientId(), p.name(), p.sessionTimeout(), p.idleTimeout(),
                p.downloadKbps(), p.uploadKbps(), p.dataCapBytes(), p.createdAt());
    }

    public Optional<SessionProfile> findSessionProfile(long id) {
        return jdbc.sql("select * from session_profile where id = ?").param(id).query(PlanRepository::sessionProfile).optional();
    }

    public Optional<SessionProfile> findSessionProfileByName(long clientId, String name) {
        return jdbc.sql("select * from session_profile where client_id = ? and name = ?").params(clientId, name)
                .query(PlanRepository::sessionProfile).optional();
    }

    public List<SessionProfile> listSessionProfiles(long clientId) {
        return jdbc.sql("select * from session_profile where client_id = ? order by name").param(clientId)
                .query(PlanRepository::sessionProfile).list();
    }

    public GuestPlan insert(GuestPlan p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into guest_plan (client_id, session_profile_id, name, duration_minutes, price_cents, currency, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.clientId(), p.sessionProfileId(), p.name(), p.duration().toMinutes(), p.priceCents(), p.currency(),
                        utc(p.createdAt()))
                .update(keys, "id");
        return new GuestPlan(keys.getKeyAs(Long.class), p.clientId(), p.sessionProfileId(), p.name(), p.duration(),
                p.priceCents(), p.currency(), p.createdAt());
    }

    public Optional<GuestPlan> findGuestPlan(long id) {
        return jdbc.sql("select * from guest_plan where id = ?").param(id).query(PlanRepository::guestPlan).optional();
    }

    public Optional<GuestPlan> findGuestPlanByName(long clientId, String name) {
        return jdbc.sql("select * from guest_plan where client_id = ? and name = ?").params(clientId, name)
                .query(PlanRepository::guestPlan).optional();
    }

    public List<GuestPlan> listGuestPlans(long clientId) {
        return jdbc.sql("select * from guest_plan where client_id = ? order by name").param(clientId)
                .query(PlanRepository::guestPlan).list();
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
        return jdbc.sql("select * from guest_plan_purchase where id = ?").param(id).query(PlanRepository::purchase).optional();
    }

    public List<Purchase> listPurchases(long guestId) {
        return jdbc.sql("select * from guest_plan_purchase where guest_id = ? order by starts_at desc, id desc")
                .param(guestId).query(PlanRepository::purchase).list();
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
                .query(PlanRepository::activeGuestPlan)
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
                .query(PlanRepository::purchase)
                .optional();
    }

    private static ActiveGuestPlan activeGuestPlan(ResultSet rs, int row) throws SQLException {
        return new ActiveGuestPlan(purchase(rs, row),
                new GuestPlan(rs.getLong("gp_id"), rs.getLong("gp_client_id"), rs.getLong("session_profile_id"),
                        rs.getString("gp_name"), Duration.ofMinutes(rs.getLong("duration_minutes")),
                        rs.getLong("price_cents"), rs.getString("currency"), instant(rs, "gp_created_at")),
                sessionProfile(rs, "sp_"));
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

    public Voucher insert(Voucher v) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into voucher (client_id, guest_plan_id, code, max_uses, uses, expires_at, revoked_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.clientId(), v.guestPlanId(), v.code(), v.maxUses(), v.uses(), utc(v.expiresAt()),
                        utc(v.revokedAt()), utc(v.createdAt()))
                .update(keys, "id");
        return new Voucher(keys.getKeyAs(Long.class), v.clientId(), v.guestPlanId(), v.code(), v.maxUses(), v.uses(),
                v.expiresAt(), v.revokedAt(), v.createdAt());
    }

    public Optional<Voucher> findVoucher(long id) {
        return jdbc.sql("select * from voucher where id = ?").param(id).query(PlanRepository::voucher).optional();
    }

    public Optional<Voucher> findVoucherByCode(long clientId, String code) {
        return jdbc.sql("select * from voucher where client_id = ? and code = ?").params(clientId, code)
                .query(PlanRepository::voucher).optional();
    }

    public List<Voucher> listVouchers(long clientId) {
        return jdbc.sql("select * from voucher where client_id = ? order by created_at desc, id desc").param(clientId)
                .query(PlanRepository::voucher).list();
    }

    /** Takes one use of the voucher if it has one left; false when another redemption took the last. */
    public boolean takeUse(long voucherId) {
        return jdbc.sql("update voucher set uses = uses + 1 where id = ? and uses < max_uses and revoked_at is null")
                .param(voucherId).update() == 1;
    }

    public void revokeVoucher(long voucherId, Instant at) {
        jdbc.sql("update voucher set revoked_at = ? where id = ? and revoked_at is null").params(utc(at), voucherId).update();
    }

    private static @Nullable Long seconds(@Nullable Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static @Nullable Duration duration(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofSeconds(v);
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static SessionProfile sessionProfile(ResultSet rs, int row) throws SQLException {
        return sessionProfile(rs, "");
    }

    private static SessionProfile sessionProfile(ResultSet rs, String prefix) throws SQLException {
        return new SessionProfile(rs.getLong(prefix + "id"), rs.getLong(prefix + "client_id"), rs.getString(prefix + "name"),
                duration(rs, "session_timeout_seconds"), duration(rs, "idle_timeout_seconds"),
                nullableLong(rs, "download_kbps"), nullableLong(rs, "upload_kbps"), nullableLong(rs, "data_cap_bytes"),
                instant(rs, prefix + "created_at"));
    }

    private static GuestPlan guestPlan(ResultSet rs, int row) throws SQLException {
        return new GuestPlan(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("session_profile_id"), rs.getString("name"),
                Duration.ofMinutes(rs.getLong("duration_minutes")), rs.getLong("price_cents"), rs.getString("currency"),
                instant(rs, "created_at"));
    }

    private static Purchase purchase(ResultSet rs, int row) throws SQLException {
        return new Purchase(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_id"), rs.getLong("guest_plan_id"),
                instant(rs, "starts_at"), instant(rs, "expires_at"), rs.getString("payment_gateway"),
                rs.getString("transaction_id"), instantOrNull(rs, "revoked_at"), instant(rs, "created_at"));
    }

    private static Voucher voucher(ResultSet rs, int row) throws SQLException {
        return new Voucher(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_plan_id"), rs.getString("code"),
                rs.getInt("max_uses"), rs.getInt("uses"), instantOrNull(rs, "expires_at"), instantOrNull(rs, "revoked_at"),
                instant(rs, "created_at"));
    }
}
