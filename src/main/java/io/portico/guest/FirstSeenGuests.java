package io.portico.guest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.portico.tenant.Client;

/**
 * First-seen devices of an accounting batch, to be made guests by the connection module's one
 * PostgreSQL statement that also writes the batch's sessions (issue 12: a first-seen batch in one
 * round trip plus its commit). Made by {@link GuestService#firstSeen}; the statement starts with
 * {@link #INSERT} (a common table expression {@code new_guest}, bound with {@link #bind}) and
 * answers the inserted guests with their client through {@link #CREATED} and {@link #created},
 * which the caller hands to {@link GuestService#firstSeenCreated} in the same transaction. The
 * guest module keeps its table's SQL here; the caller only composes it.
 */
public record FirstSeenGuests(List<Guest> guests) {

    /**
     * {@code new_guest}: the devices not yet guests of their client, inserted with an empty profile
     * (a device another transaction made a guest first is skipped, {@code on conflict do nothing});
     * four array parameters, {@link #bind}. Its rows are the inserted guests.
     */
    public static final String INSERT = """
            new_guest as (
              insert into guest (client_id, token, mac_address, unsubscribed, created_at, updated_at)
              select x.client_id, x.token, x.mac_address, false, x.created_at, x.created_at
                from unnest(?::int8[], ?::uuid[], ?::varchar[], ?::timestamptz[]) as x(client_id, token, mac_address, created_at)
                  on conflict do nothing
              returning id, client_id, token, mac_address, created_at)""";

    /**
     * The inserted guests with their client, ten columns, the first {@code 'g'}; a caller adding
     * rows of its own with {@code union all} gives them ten columns of these types and another
     * first column.
     */
    public static final String CREATED = """
            select 'g' as kind, n.id, n.client_id, n.mac_address, n.token, n.created_at,
                   c.operator_id, c.client_key, c.company, c.created_at as client_created_at
              from new_guest n join client c on c.id = n.client_id""";

    /** A guest the statement inserted, and its client (read by the same statement). */
    public record Created(Guest guest, Client client) {
    }

    /**
     * Binds {@link #INSERT}'s four array parameters (client ids, tokens, MACs and creation times, in
     * the guests' order) from {@code first} on; answers the next parameter index.
     */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int n = guests.size();
        Object[] clients = new Object[n], tokens = new Object[n], macs = new Object[n], created = new Object[n];
        for (int i = 0; i < n; i++) {
            Guest g = guests.get(i);
            clients[i] = g.clientId();
            tokens[i] = g.token().toString();
            macs[i] = g.macAddress().value();
            created[i] = g.createdAt().toString();
        }
        Connection connection = ps.getConnection();
        ps.setArray(first, connection.createArrayOf("int8", clients));
        ps.setArray(first + 1, connection.createArrayOf("text", tokens));
        ps.setArray(first + 2, connection.createArrayOf("text", macs));
        ps.setArray(first + 3, connection.createArrayOf("text", created));
        return first + 4;
    }

    /** A row of {@link #CREATED} (columns 2 to 10 at the result set's cursor). */
    public static Created created(ResultSet rs) throws SQLException {
        Client client = new Client(rs.getLong(3), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant());
        Guest guest = new Guest(rs.getLong(2), client.id(), rs.getObject(5, UUID.class), new MacAddress(rs.getString(4).strip()),
                GuestProfile.EMPTY, false, rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(6, OffsetDateTime.class).toInstant());
        return new Created(guest, client);
    }
}
