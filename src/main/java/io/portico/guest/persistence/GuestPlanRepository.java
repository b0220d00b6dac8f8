package io.portico.guest.persistence;

import static io.portico.guest.persistence.GuestRepository.instant;
import static io.portico.guest.persistence.GuestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.GuestPlan;

/** SQL for the guest plans a client sells. */
@Repository
public class GuestPlanRepository {

    private final JdbcClient jdbc;

    GuestPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Writes a plan's name, profile, length and price (its client and creation stay). */
    public void update(GuestPlan p) {
        jdbc.sql("""
                        update guest_plan set session_profile_id = ?, name = ?, duration_minutes = ?, price_cents = ?, currency = ?
                        where id = ? and client_id = ?""")
                .params(p.sessionProfileId(), p.name(), p.duration().toMinutes(), p.priceCents(), p.currency(), p.id(), p.clientId())
                .update();
    }

    public Optional<GuestPlan> findGuestPlan(long id) {
        return jdbc.sql("select * from guest_plan where id = ?").param(id).query(GuestPlanRepository::guestPlan).optional();
    }

    public Optional<GuestPlan> findGuestPlanByName(long clientId, String name) {
        return jdbc.sql("select * from guest_plan where client_id = ? and name = ?").params(clientId, name)
                .query(GuestPlanRepository::guestPlan).optional();
    }

    /** A page of the client's guest plans by name (then id): {@code limit} rows from {@code offset}. */
    public List<GuestPlan> guestPlanPage(long clientId, long offset, int limit) {
        return jdbc.sql("select * from guest_plan where client_id = ? order by name, id offset ? rows fetch next ? rows only")
                .params(clientId, offset, limit).query(GuestPlanRepository::guestPlan).list();
    }

    /** At most {@code limit} of the client's guest plans whose name starts with {@code prefix} (a {@code Slice.prefix}), by name. */
    public List<GuestPlan> named(long clientId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from guest_plan where client_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), id fetch first ? rows only""")
                .params(clientId, prefix, limit).query(GuestPlanRepository::guestPlan).list();
    }

    public List<GuestPlan> listGuestPlans(long clientId) {
        return jdbc.sql("select * from guest_plan where client_id = ? order by name").param(clientId)
                .query(GuestPlanRepository::guestPlan).list();
    }

    private static GuestPlan guestPlan(ResultSet rs, int row) throws SQLException {
        return new GuestPlan(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("session_profile_id"), rs.getString("name"),
                Duration.ofMinutes(rs.getLong("duration_minutes")), rs.getLong("price_cents"), rs.getString("currency"),
                instant(rs, "created_at"));
    }
}
