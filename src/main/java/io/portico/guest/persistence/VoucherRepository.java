package io.portico.guest.persistence;

import static io.portico.guest.persistence.GuestRepository.instant;
import static io.portico.guest.persistence.GuestRepository.instantOrNull;
import static io.portico.guest.persistence.GuestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.NewVoucherBatch;
import io.portico.guest.Voucher;
import io.portico.guest.VoucherBatch;
import io.portico.guest.VoucherRedemption;

/** SQL for a client's vouchers and their uses. */
@Repository
public class VoucherRepository {

    private final JdbcClient jdbc;

    VoucherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Voucher insert(Voucher v) {
        return insert(v, null);
    }

    /** Inserts a voucher, of a batch when {@code batchId} is set. */
    public Voucher insert(Voucher v, @Nullable Long batchId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into voucher (client_id, guest_plan_id, code, max_uses, uses, expires_at, revoked_at, created_at, batch_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.clientId(), v.guestPlanId(), v.code(), v.maxUses(), v.uses(), utc(v.expiresAt()),
                        utc(v.revokedAt()), utc(v.createdAt()), batchId)
                .update(keys, "id");
        return new Voucher(keys.getKeyAs(Long.class), v.clientId(), v.guestPlanId(), v.code(), v.maxUses(), v.uses(),
                v.expiresAt(), v.revokedAt(), v.createdAt());
    }

    public Optional<Voucher> findVoucher(long id) {
        return jdbc.sql("select * from voucher where id = ?").param(id).query(VoucherRepository::voucher).optional();
    }

    public Optional<Voucher> findVoucherByCode(long clientId, String code) {
        return jdbc.sql("select * from voucher where client_id = ? and code = ?").params(clientId, code)
                .query(VoucherRepository::voucher).optional();
    }

    public List<Voucher> listVouchers(long clientId) {
        return jdbc.sql("select * from voucher where client_id = ? order by created_at desc, id desc").param(clientId)
                .query(VoucherRepository::voucher).list();
    }

    /** Takes one use of the voucher if it has one left; false when another redemption took the last. */
    public boolean takeUse(long voucherId) {
        return jdbc.sql("update voucher set uses = uses + 1 where id = ? and uses < max_uses and revoked_at is null")
                .param(voucherId).update() == 1;
    }

    public void revokeVoucher(long voucherId, Instant at) {
        jdbc.sql("update voucher set revoked_at = ? where id = ? and revoked_at is null").params(utc(at), voucherId).update();
    }

    // ---- batches and redemptions ----

    public long insertBatch(NewVoucherBatch b, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into voucher_batch (client_id, guest_plan_id, label, voucher_count, max_uses, expires_at, hotspot_id,
                                                   created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.clientId(), b.guestPlanId(), b.label(), b.count(), b.maxUses(), utc(b.expiresAt()), b.hotspotId(),
                        createdBy, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static final String BATCH_COLUMNS = """
            select b.*, (select count(*) from voucher v where v.batch_id = b.id and v.uses > 0) as redeemed,
                   (select count(*) from voucher v where v.batch_id = b.id and v.revoked_at is not null) as revoked
              from voucher_batch b""";

    public Optional<VoucherBatch> findBatch(long clientId, long batchId) {
        return jdbc.sql(BATCH_COLUMNS + " where b.client_id = ? and b.id = ?").params(clientId, batchId)
                .query(VoucherRepository::batch).optional();
    }

    /** A page of the client's batches, newest first, older than {@code beforeId} when set (keyset paging). */
    public List<VoucherBatch> listBatches(long clientId, @Nullable Long beforeId, int limit) {
        return jdbc.sql(BATCH_COLUMNS + " where b.client_id = ? and b.id < ? order by b.id desc fetch first " + limit + " rows only")
                .params(clientId, beforeId == null ? Long.MAX_VALUE : beforeId).query(VoucherRepository::batch).list();
    }

    /** A page of a batch's vouchers in printing order, after {@code afterId} (keyset paging). */
    public List<Voucher> listBatchVouchers(long clientId, long batchId, long afterId, int limit) {
        return jdbc.sql("select * from voucher where client_id = ? and batch_id = ? and id > ? order by id fetch first "
                        + limit + " rows only")
                .params(clientId, batchId, afterId).query(VoucherRepository::voucher).list();
    }

    public void insertRedemption(long voucherId, long clientId, long guestId, long purchaseId, @Nullable Long hotspotId,
                                 Instant at) {
        jdbc.sql("""
                        insert into voucher_redemption (voucher_id, client_id, guest_id, purchase_id, hotspot_id, redeemed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(voucherId, clientId, guestId, purchaseId, hotspotId, utc(at)).update();
    }

    /** A voucher's (by id) or a batch's (by id) redemptions, newest first, older than {@code beforeId} when set. */
    public List<VoucherRedemption> listRedemptions(long clientId, boolean ofBatch, long id, @Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                        select r.id, r.voucher_id, v.code, g.id as guest_id, g.mac_address, g.email, r.hotspot_id, r.redeemed_at
                          from voucher_redemption r
                          join voucher v on v.id = r.voucher_id
                          left join guest g on g.id = r.guest_id
                         where r.client_id = ? and r.id < ? and\s""" + (ofBatch ? "v.batch_id = ?" : "r.voucher_id = ?")
                        + " order by r.id desc fetch first " + limit + " rows only")
                .params(clientId, beforeId == null ? Long.MAX_VALUE : beforeId, id)
                .query((rs, n) -> new VoucherRedemption(rs.getLong("id"), rs.getLong("voucher_id"), rs.getString("code"),
                        rs.getObject("guest_id", Long.class), rs.getString("mac_address"), rs.getString("email"),
                        rs.getObject("hotspot_id", Long.class), instant(rs, "redeemed_at")))
                .list();
    }

    private static VoucherBatch batch(ResultSet rs, int row) throws SQLException {
        return new VoucherBatch(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_plan_id"), rs.getString("label"),
                rs.getInt("voucher_count"), rs.getInt("max_uses"), instantOrNull(rs, "expires_at"),
                rs.getObject("hotspot_id", Long.class), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getInt("redeemed"), rs.getInt("revoked"));
    }

    private static Voucher voucher(ResultSet rs, int row) throws SQLException {
        return new Voucher(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_plan_id"), rs.getString("code"),
                rs.getInt("max_uses"), rs.getInt("uses"), instantOrNull(rs, "expires_at"), instantOrNull(rs, "revoked_at"),
                instant(rs, "created_at"));
    }
}
