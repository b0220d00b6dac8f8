package io.portico.guest.persistence;

import static io.portico.guest.persistence.GuestRepository.instant;
import static io.portico.guest.persistence.GuestRepository.instantOrNull;
import static io.portico.guest.persistence.GuestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.Voucher;

/** SQL for a client's vouchers and their uses. */
@Repository
public class VoucherRepository {

    private final JdbcClient jdbc;

    VoucherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static Voucher voucher(ResultSet rs, int row) throws SQLException {
        return new Voucher(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("guest_plan_id"), rs.getString("code"),
                rs.getInt("max_uses"), rs.getInt("uses"), instantOrNull(rs, "expires_at"), instantOrNull(rs, "revoked_at"),
                instant(rs, "created_at"));
    }
}
