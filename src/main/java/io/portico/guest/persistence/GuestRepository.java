package io.portico.guest.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.FirstSeenGuests;
import io.portico.guest.Guest;
import io.portico.guest.GuestProfile;
import io.portico.guest.MacAddress;

/** SQL for the guest table; {@link #streamByClient} reads with a fetch size so memory stays flat. */
@Repository
public class GuestRepository {

    static final int FETCH_SIZE = 500;
    private static final String COLUMNS = "client_id, token, mac_address, email, first_name, last_name, display_name, "
            + "profile_url, mobile_phone, birthdate, gender, country, region, city, address, postal_code, "
            + "custom1, custom2, custom3, custom4, custom5, custom6, custom7, custom8, custom9, custom10, "
            + "user_agent, unsubscribed, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    GuestRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    public Guest insert(Guest g) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into guest (" + COLUMNS + ") values (" + "?, ".repeat(29) + "?)")
                .params(values(g)).update(keys, "id");
        return new Guest(keys.getKeyAs(Long.class), g.clientId(), g.token(), g.macAddress(), g.profile(),
                g.unsubscribed(), g.createdAt(), g.updatedAt());
    }

    /** Inserts many guests in one JDBC batch (demo data); ids are not returned. */
    public void insertAll(List<Guest> guests) {
        streaming.batchUpdate("insert into guest (" + COLUMNS + ") values (" + "?, ".repeat(29) + "?)",
                guests.stream().map(GuestRepository::values).toList());
    }

    /**
     * Inserts the guests whose device is not yet a guest of their client; a device another
     * transaction made a guest first (committed, or committing meanwhile) is left as it is. Answers
     * the guests this call inserted, with their ids. On PostgreSQL one statement does both
     * ({@code insert ... select from unnest(arrays) on conflict do nothing returning *}: one round
     * trip whatever the number of devices); elsewhere one JDBC batch, then one select of the
     * inserted devices. For guests with an empty profile only (devices first seen by accounting).
     */
    public List<Guest> insertNew(List<Guest> guests) {
        if (guests.isEmpty()) {
            return List.of();
        }
        for (Guest g : guests) {
            if (!g.profile().equals(GuestProfile.EMPTY) || g.unsubscribed()) {
                throw new IllegalArgumentException("insertNew takes first-seen guests only (empty profile, subscribed)");
            }
        }
        if (postgres()) {
            return streaming.query(connection -> {
                var ps = connection.prepareStatement(INSERT_NEW);
                new FirstSeenGuests(guests).bind(ps, 1);
                return ps;
            }, GuestRepository::guest);
        }
        int[] inserted = streaming.batchUpdate("insert into guest (" + COLUMNS + ") values (" + "?, ".repeat(29) + "?)"
                + " on conflict do nothing", guests.stream().map(GuestRepository::values).toList());
        java.util.Map<Long, List<MacAddress>> mine = new java.util.HashMap<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                mine.computeIfAbsent(guests.get(i).clientId(), c -> new ArrayList<>()).add(guests.get(i).macAddress());
            }
        }
        List<Guest> rows = new ArrayList<>();
        mine.forEach((clientId, macs) -> rows.addAll(findByMacs(clientId, macs)));
        return rows;
    }

    /** {@link #insertNew} on PostgreSQL: the arrays in the guests' order (sorted by the caller), a row per device. */
    private static final String INSERT_NEW = """
            insert into guest (client_id, token, mac_address, unsubscribed, created_at, updated_at)
            select x.client_id, x.token, x.mac_address, false, x.created_at, x.created_at
              from unnest(?::int8[], ?::uuid[], ?::varchar[], ?::timestamptz[]) as x(client_id, token, mac_address, created_at)
                on conflict do nothing
            returning *""";

    private volatile @Nullable Boolean postgres;

    /** Whether the database is PostgreSQL (asked once, of the first connection). */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(streaming.execute((java.sql.Connection c) -> c.isWrapperFor(org.postgresql.PGConnection.class)));
            postgres = known;
        }
        return known;
    }

    private static Object[] values(Guest g) {
        GuestProfile p = g.profile();
        List<@Nullable Object> v = new ArrayList<>(List.of(g.clientId(), g.token(), g.macAddress().value()));
        v.addAll(java.util.Arrays.asList(p.email(), p.firstName(), p.lastName(), p.displayName(), p.profileUrl(),
                p.mobilePhone(), p.birthdate(), p.gender(), p.country(), p.region(), p.city(), p.address(), p.postalCode()));
        v.addAll(p.custom());
        v.add(p.userAgent());
        v.add(g.unsubscribed());
        v.add(utc(g.createdAt()));
        v.add(utc(g.updatedAt()));
        return v.toArray();
    }

    public void update(Guest g) {
        GuestProfile p = g.profile();
        List<@Nullable Object> v = new ArrayList<>(java.util.Arrays.asList(p.email(), p.firstName(), p.lastName(),
                p.displayName(), p.profileUrl(), p.mobilePhone(), p.birthdate(), p.gender(), p.country(), p.region(),
                p.city(), p.address(), p.postalCode()));
        v.addAll(p.custom());
        v.addAll(java.util.Arrays.asList(p.userAgent(), g.unsubscribed(), utc(g.updatedAt()), g.id()));
        jdbc.sql("""
                update guest set email = ?, first_name = ?, last_name = ?, display_name = ?, profile_url = ?,
                       mobile_phone = ?, birthdate = ?, gender = ?, country = ?, region = ?, city = ?, address = ?,
                       postal_code = ?, custom1 = ?, custom2 = ?, custom3 = ?, custom4 = ?, custom5 = ?, custom6 = ?,
                       custom7 = ?, custom8 = ?, custom9 = ?, custom10 = ?, user_agent = ?, unsubscribed = ?,
                       updated_at = ?
                 where id = ?""").params(v.toArray()).update();
    }

    public void deletePurchases(long guestId) {
        jdbc.sql("delete from guest_plan_purchase where guest_id = ?").param(guestId).update();
        // The voucher's redemption stays counted, without the erased guest.
        jdbc.sql("update voucher_redemption set guest_id = null, purchase_id = null where guest_id = ?").param(guestId).update();
    }

    public void delete(long guestId) {
        jdbc.sql("delete from guest where id = ?").param(guestId).update();
    }

    public Optional<Guest> find(long id) {
        return jdbc.sql("select * from guest where id = ?").param(id).query(GuestRepository::guest).optional();
    }

    public Optional<Guest> findByToken(UUID token) {
        return jdbc.sql("select * from guest where token = ?").param(token).query(GuestRepository::guest).optional();
    }

    public Optional<Guest> findByMac(long clientId, MacAddress mac) {
        return jdbc.sql("select * from guest where client_id = ? and mac_address = ?").params(clientId, mac.value())
                .query(GuestRepository::guest).optional();
    }

    /** The client's guests having any of the MACs, in one query (an accounting batch's devices). */
    public List<Guest> findByMacs(long clientId, List<MacAddress> macs) {
        if (macs.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(macs.size() + 1);
        params.add(clientId);
        macs.forEach(m -> params.add(m.value()));
        return jdbc.sql("select * from guest where client_id = ? and mac_address in (" + "?, ".repeat(macs.size() - 1) + "?)")
                .params(params).query(GuestRepository::guest).list();
    }

    /** Ids of the client's guests by MAC, for seeding purchases and connections in bulk. */
    public List<Long> idsByClient(long clientId) {
        return jdbc.sql("select id from guest where client_id = ? order by id").param(clientId).query(Long.class).list();
    }

    /**
     * Every guest of the client, newest first, optionally only (un)subscribed ones, handed one by
     * one to the sink while the rows are read: the caller must hold a transaction (PostgreSQL only
     * streams with autocommit off).
     */
    public void streamByClient(long clientId, @Nullable Boolean unsubscribed, Consumer<Guest> sink) {
        String filter = unsubscribed == null ? "" : " and unsubscribed = ?";
        Object[] args = unsubscribed == null ? new Object[] {clientId} : new Object[] {clientId, unsubscribed};
        streaming.query("select * from guest where client_id = ?" + filter + " order by id desc",
                rs -> {
                    sink.accept(guest(rs, 0));
                }, args);
    }

    static Guest guest(ResultSet rs, int row) throws SQLException {
        List<@Nullable String> custom = new ArrayList<>(GuestProfile.CUSTOM_FIELDS);
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            custom.add(rs.getString("custom" + i));
        }
        LocalDate birthdate = rs.getObject("birthdate", LocalDate.class);
        GuestProfile profile = new GuestProfile(rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("display_name"), rs.getString("profile_url"),
                rs.getString("mobile_phone"), birthdate, rs.getString("gender"), rs.getString("country"),
                rs.getString("region"), rs.getString("city"), rs.getString("address"), rs.getString("postal_code"),
                custom, rs.getString("user_agent"));
        return new Guest(rs.getLong("id"), rs.getLong("client_id"), rs.getObject("token", UUID.class),
                new MacAddress(rs.getString("mac_address")), profile, rs.getBoolean("unsubscribed"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
