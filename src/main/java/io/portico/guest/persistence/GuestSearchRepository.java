package io.portico.guest.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.guest.Guest;
import io.portico.guest.MacAddress;

/**
 * The dashboard's guest reads, scoped to the operator's clients and index-backed (V92): search by
 * MAC ({@code uq_guest_mac}), email prefix ({@code ix_guest_client_email}) or name prefix
 * ({@code ix_guest_client_last_name}, {@code ix_guest_client_first_name}), newest first by id
 * (keyset), and daily counts of new guests and plan sign-ins.
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

    /** New guests and plan purchases started in [from, to) for the operator's clients, or one client's. */
    public long[] counts(long operatorId, Optional<Long> clientId, Instant from, Instant to) {
        String client = clientId.isPresent() ? " and g.client_id = ?" : "";
        List<Object> params = new ArrayList<>(List.of(operatorId));
        clientId.ifPresent(params::add);
        params.add(GuestRepository.utc(from));
        params.add(GuestRepository.utc(to));
        long created = jdbc.sql("select count(*) from guest g where" + OPERATOR_CLIENTS + client
                + " and g.created_at >= ? and g.created_at < ?").params(params).query(Long.class).single();
        long purchases = jdbc.sql("select count(*) from guest_plan_purchase g where" + OPERATOR_CLIENTS + client
                + " and g.starts_at >= ? and g.starts_at < ?").params(params).query(Long.class).single();
        return new long[] {created, purchases};
    }

    /** Escapes LIKE's wildcards in what a person typed and matches it as a prefix. */
    private static String like(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
