package io.portico.guest.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.guest.Guest;
import io.portico.guest.MacAddress;
import io.portico.platform.DayBuckets;

/**
 * The dashboard's guest reads, scoped to the operator's clients and index-backed: search by MAC
 * ({@code uq_guest_mac}), email prefix ({@code ix_guest_client_email_prefix}) or name prefix
 * ({@code ix_guest_client_last_name_prefix}, {@code ix_guest_client_first_name_prefix}; on
 * PostgreSQL partial indexes of the guests that have the field, V150, on H2 V92's), newest first by
 * id (keyset), and daily counts of new guests and plan sign-ins.
 */
@Repository
public class GuestSearchRepository {

    private static final String OPERATOR_CLIENTS = " g.client_id in (select id from client where operator_id = ?)";

    private final JdbcClient jdbc;

    GuestSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Guest> search(long operatorId, Optional<Long> clientId, String term, Optional<Long> beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select g.* from guest g where").append(OPERATOR_CLIENTS);
        List<Object> params = new ArrayList<>(List.of(operatorId));
        clientId.ifPresent(id -> {
            sql.append(" and g.client_id = ?");
            params.add(id);
        });
        Optional<MacAddress> mac = MacAddress.tryParse(term);
        if (mac.isPresent()) {
            sql.append(" and g.mac_address = ?");
            params.add(mac.get().value());
        } else if (term.contains("@")) {
            sql.append(" and (g.email like ? or g.email like ?)");
            params.add(like(term));
            params.add(like(term.toLowerCase(java.util.Locale.ROOT)));
        } else if (!term.isBlank()) {
            String capitalised = term.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + term.substring(1);
            sql.append(" and (g.last_name like ? or g.last_name like ? or g.first_name like ? or g.first_name like ?)");
            params.addAll(List.of(like(term), like(capitalised), like(term), like(capitalised)));
        }
        beforeId.ifPresent(id -> {
            sql.append(" and g.id < ?");
            params.add(id);
        });
        sql.append(" order by g.id desc fetch first ").append(limit + 1).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(GuestRepository::guest).list();
    }

    public Optional<Guest> find(long operatorId, long guestId) {
        return jdbc.sql("select g.* from guest g where g.id = ? and" + OPERATOR_CLIENTS).params(guestId, operatorId)
                .query(GuestRepository::guest).optional();
    }

    /**
     * New guests and plan purchases of each day (the instants start each local day; the last ends
     * the window) for the operator's clients, or one client's: one grouped query per table.
     */
    public List<long[]> daily(long operatorId, Optional<Long> clientId, List<Instant> dayStarts) {
        List<long[]> days = new ArrayList<>();
        for (int i = 0; i + 1 < dayStarts.size(); i++) {
            days.add(new long[2]);
        }
        perDay("guest", "created_at", operatorId, clientId, dayStarts, days, 0);
        perDay("guest_plan_purchase", "starts_at", operatorId, clientId, dayStarts, days, 1);
        return days;
    }

    private void perDay(String table, String column, long operatorId, Optional<Long> clientId, List<Instant> dayStarts, List<long[]> days,
                        int figure) {
        List<Object> params = new ArrayList<>();
        String bucket = DayBuckets.bucket("g." + column, dayStarts, params);
        params.add(operatorId);
        clientId.ifPresent(params::add);
        params.add(GuestRepository.utc(dayStarts.getFirst()));
        params.add(GuestRepository.utc(dayStarts.getLast()));
        jdbc.sql("select d.day_index, count(*) from (select " + bucket + " as day_index from " + table + " g where" + OPERATOR_CLIENTS
                        + (clientId.isPresent() ? " and g.client_id = ?" : "") + " and g." + column + " >= ? and g." + column + " < ?) d"
                        + " group by d.day_index")
                .params(params).query(rs -> {
                    days.get(rs.getInt(1))[figure] = rs.getLong(2);
                });
    }

    /** Escapes LIKE's wildcards in what a person typed and matches it as a prefix. */
    private static String like(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
