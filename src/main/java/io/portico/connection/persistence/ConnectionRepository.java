package io.portico.connection.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import io.portico.connection.AccountingRecord;
import io.portico.connection.CompletedSession;
import io.portico.connection.DeviceUsage;
import io.portico.connection.ConnectionProperties;
import io.portico.connection.ConnectionQuery;
import io.portico.connection.NasSession;
import io.portico.connection.OpenNasSession;
import io.portico.guest.FirstSeenGuests;
import io.portico.guest.MacAddress;

/**
 * SQL for accounting sessions. Writes are one MERGE per packet keyed by session_key (idempotent
 * for retransmissions and out-of-order packets); the report is read with a fetch size, ordered so
 * the sessions of one device at one hotspot come together for the streaming merge.
 */
@Repository
public class ConnectionRepository {

    /** One accounting row read for the report, before merging. */
    public record SessionRow(long hotspotId, String hotspotName, String macAddress, Instant startedAt, Instant endedAt,
                             long sessionSeconds, long inputOctets, long outputOctets, @Nullable Integer terminateCause,
                             @Nullable String userAgent, @Nullable UUID guestToken, @Nullable String email,
                             @Nullable String phone, @Nullable String firstName, @Nullable String lastName,
                             @Nullable String displayName) {
    }

    /**
     * How a stored session row ({@code t}) takes a packet ({@code pkt}): the rules both {@link #MERGE}
     * and PostgreSQL's {@link #UPSERT} apply, and {@link SessionWrite#then} in memory.
     */
    private static final String UPDATE_RULES = """
            started_at = case when pkt.start_reported then pkt.started_at else t.started_at end,
            start_reported = t.start_reported or pkt.start_reported,
            last_seen_at = greatest(t.last_seen_at, pkt.last_seen_at),
            ended_at = case when t.ended_at is null or (t.closed_by <> 'nas' and pkt.last_seen_at > t.last_seen_at)
                then pkt.ended_at else t.ended_at end,
            terminate_cause = case when t.ended_at is null or (t.closed_by <> 'nas' and pkt.last_seen_at > t.last_seen_at)
                then pkt.terminate_cause else t.terminate_cause end,
            closed_by = case when t.ended_at is null or (t.closed_by <> 'nas' and pkt.last_seen_at > t.last_seen_at)
                then pkt.closed_by else t.closed_by end,
            session_seconds = greatest(t.session_seconds, pkt.session_seconds),
            input_octets = greatest(t.input_octets, pkt.input_octets),
            output_octets = greatest(t.output_octets, pkt.output_octets),
            user_agent = coalesce(t.user_agent, pkt.user_agent),
            guest_id = coalesce(t.guest_id, pkt.guest_id),
            client_id = coalesce(t.client_id, pkt.client_id),
            hotspot_id = coalesce(t.hotspot_id, pkt.hotspot_id),
            mac_address = coalesce(t.mac_address, pkt.mac_address),
            nas_identifier = coalesce(t.nas_identifier, pkt.nas_identifier),
            nas_client_id = coalesce(t.nas_client_id, pkt.nas_client_id),
            nas_address = coalesce(t.nas_address, pkt.nas_address),
            acct_session_id = coalesce(t.acct_session_id, pkt.acct_session_id),
            user_name = coalesce(t.user_name, pkt.user_name),
            framed_ip = coalesce(pkt.framed_ip, t.framed_ip),
            stale_after = case when t.stale_after is null or pkt.stale_after > t.stale_after
                then coalesce(pkt.stale_after, t.stale_after) else t.stale_after end""";

    /**
     * One packet into its session. Counters and the last update only grow, so retransmitted and
     * reordered packets change nothing. The start is the Start packet's time (as FreeRADIUS keeps
     * {@code acctstarttime}); an Interim-Update or Stop only estimates it when it creates the row,
     * and never moves it later, so an Interim-Update changes no indexed column and PostgreSQL
     * stores it as a heap-only (HOT) update, without touching the five indexes. A session's end is
     * final once its NAS sent the Stop ({@code closed_by = 'nas'}); one closed by Accounting-On/Off or as stale (or open) takes the
     * end state of any packet newer than its last update, so a NAS that reports it again reopens it.
     * Rows closed without RADIUS (null {@code closed_by}) stay closed.
     */
    private static final String MERGE = """
            merge into connection_session t
            using (select cast(? as varchar(64)) as session_key, cast(? as bigint) as client_id,
                          cast(? as bigint) as hotspot_id,
                          coalesce(cast(? as bigint), (select g.id from guest g where g.client_id = cast(? as bigint)
                                                        and g.mac_address = cast(? as varchar(17)))) as guest_id,
                          cast(? as varchar(17)) as mac_address, cast(? as varchar(512)) as user_agent,
                          cast(? as timestamp with time zone) as started_at, cast(? as boolean) as start_reported,
                          cast(? as timestamp with time zone) as last_seen_at,
                          cast(? as timestamp with time zone) as ended_at, cast(? as bigint) as session_seconds,
                          cast(? as bigint) as input_octets, cast(? as bigint) as output_octets,
                          cast(? as smallint) as terminate_cause, cast(? as bigint) as nas_client_id,
                          cast(? as varchar(45)) as nas_address, cast(? as varchar(253)) as acct_session_id,
                          cast(? as varchar(253)) as user_name, cast(? as varchar(45)) as framed_ip,
                          cast(? as timestamp with time zone) as stale_after, cast(? as varchar(16)) as closed_by,
                          cast(? as varchar(253)) as nas_identifier) s
               on t.session_key = s.session_key
             when matched then update set
            """ + UPDATE_RULES.replace("pkt.", "s.") + "\n" + """
             when not matched then insert (session_key, client_id, hotspot_id, guest_id, mac_address, user_agent,
                                           started_at, start_reported, last_seen_at, ended_at, session_seconds, input_octets,
                                           output_octets, terminate_cause, nas_client_id, nas_address, acct_session_id,
                                           user_name, framed_ip, stale_after, closed_by, nas_identifier)
                  values (s.session_key, s.client_id, s.hotspot_id, s.guest_id, s.mac_address, s.user_agent,
                          s.started_at, s.start_reported, s.last_seen_at, s.ended_at, s.session_seconds, s.input_octets,
                          s.output_octets, s.terminate_cause, s.nas_client_id, s.nas_address, s.acct_session_id,
                          s.user_name, s.framed_ip, s.stale_after, s.closed_by, s.nas_identifier)""";

    private static final String INSERT = """
            insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, user_agent,
                                            started_at, last_seen_at, ended_at, session_seconds, input_octets,
                                            output_octets, terminate_cause)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String REPORT = """
            select c.hotspot_id, h.name as hotspot_name, c.mac_address, c.started_at,
                   coalesce(c.ended_at, c.last_seen_at) as ended_at,
                   c.session_seconds, c.input_octets, c.output_octets, c.terminate_cause,
                   coalesce(c.user_agent, g.user_agent) as user_agent, g.token, g.email, g.mobile_phone,
                   g.first_name, g.last_name, g.display_name
              from connection_session c
              join hotspot h on h.id = c.hotspot_id
              left join guest g on g.id = c.guest_id
             where c.client_id = ? and c.started_at >= ? and c.started_at < ?""";

    /** The report's order: sessions of one device at one hotspot together, oldest first. */
    public static final String REPORT_ORDER = " order by c.hotspot_id, c.mac_address, c.started_at, c.id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final boolean postgresCopy;

    ConnectionRepository(JdbcClient jdbc, DataSource dataSource, ConnectionProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgresCopy = properties.postgresCopy();
        this.batch = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(properties.fetchSize());
    }

    /**
     * Merges packets into their sessions (group commit): packets of one session in the batch are
     * combined first ({@link SessionWrite#combined}), then PostgreSQL takes the whole batch in one
     * {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO UPDATE} (planned once, one round
     * trip), other databases in one JDBC batch of {@link #MERGE}s. Both apply the same rules.
     */
    public void merge(List<AccountingRecord> records, List<@Nullable Long> clientIds, List<@Nullable Long> hotspotIds,
                      List<@Nullable Long> guestIds) {
        List<SessionWrite> writes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            writes.add(SessionWrite.of(records.get(i), clientIds.get(i), hotspotIds.get(i), guestIds.get(i)));
        }
        List<SessionWrite> combined = SessionWrite.combined(writes);
        if (postgres()) {
            upsert(combined);
            return;
        }
        List<Object[]> rows = new ArrayList<>(combined.size());
        for (SessionWrite w : combined) {
            rows.add(new @Nullable Object[] {w.sessionKey(), w.clientId(), w.hotspotId(), w.guestId(), w.clientId(), w.macAddress(),
                    w.macAddress(), w.userAgent(),
                    utc(w.startedAt()), w.startReported(), utc(w.lastSeenAt()), utc(w.endedAt()), w.sessionSeconds(),
                    w.inputOctets(), w.outputOctets(), w.terminateCause(), w.nasClientId(), w.nasAddress(), w.acctSessionId(),
                    w.userName(), w.framedIp(), utc(w.staleAfter()), w.closedBy(), w.nasIdentifier()});
        }
        batch.batchUpdate(MERGE, rows);
    }

    /**
     * {@link #MERGE}'s rules as PostgreSQL's upsert of a whole batch (one row per session, sorted by
     * key); {@code GUEST_OF_ROW} is where a session without a known guest id finds its guest. Instants
     * travel as microseconds since the epoch (binary {@code int8} arrays; {@code AT_US(x)} is the
     * instant {@code x} microseconds after it): formatting and parsing them as text was the largest
     * single cost of building the statement (profiled).
     */
    private static final String UPSERT_TEMPLATE = ("""
            insert into connection_session as t (session_key, client_id, hotspot_id, guest_id, mac_address, user_agent,
                   started_at, start_reported, last_seen_at, ended_at, session_seconds, input_octets, output_octets,
                   terminate_cause, nas_client_id, nas_address, acct_session_id, user_name, framed_ip, stale_after, closed_by,
                   nas_identifier)
            select x.session_key, x.client_id, x.hotspot_id,
                   coalesce(x.guest_id, GUEST_OF_ROW),
                   x.mac_address, x.user_agent, AT_US(x.started_us), x.start_reported, AT_US(x.last_seen_us),
                   AT_US(x.ended_us), x.session_seconds,
                   x.input_octets, x.output_octets, x.terminate_cause, x.nas_client_id, x.nas_address, x.acct_session_id,
                   x.user_name, x.framed_ip, AT_US(x.stale_us), x.closed_by,
                   x.nas_identifier
              from unnest(?::varchar[], ?::int8[], ?::int8[], ?::int8[], ?::varchar[], ?::varchar[],
                   ?::int8[], ?::bool[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int2[],
                   ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[])
                   as x(session_key, client_id, hotspot_id, guest_id, mac_address, user_agent, started_us, start_reported,
                        last_seen_us, ended_us, session_seconds, input_octets, output_octets, terminate_cause, nas_client_id,
                        nas_address, acct_session_id, user_name, framed_ip, stale_us, closed_by, nas_identifier)
                on conflict (session_key) do update set
            """ + UPDATE_RULES.replace("pkt.", "excluded.")).replaceAll("AT_US\\((x\\.\\w+)\\)", "timestamptz 'epoch' + $1 * interval '1 microsecond'");

    private static final String EXISTING_GUEST = "(select g.id from guest g where g.client_id = x.client_id and g.mac_address = x.mac_address)";

    private static final String UPSERT = UPSERT_TEMPLATE.replace("GUEST_OF_ROW", EXISTING_GUEST);

    /**
     * A first-seen batch in one statement (PostgreSQL): the guest module's {@link FirstSeenGuests#INSERT}
     * makes the new devices guests, the sessions are upserted with their guest (inserted by this
     * statement, else existing), and the answer is the inserted guests with their client
     * ({@link FirstSeenGuests#CREATED}) and, per device written at a hotspot, the guest its session
     * now has ({@code 'd'} rows; no guest when another transaction made the device a guest after this
     * statement began: the caller writes those sessions again once it sees that guest).
     */
    private static final String UPSERT_FIRST_SEEN = "with " + FirstSeenGuests.INSERT + ",\nwritten as (\n"
            + UPSERT_TEMPLATE.replace("GUEST_OF_ROW", "(select n.id from new_guest n where n.client_id = x.client_id"
                    + " and n.mac_address = x.mac_address), " + EXISTING_GUEST)
            + "\nreturning t.guest_id, t.client_id, t.mac_address)\n" + FirstSeenGuests.CREATED + """

             union all
            select distinct 'd', w.guest_id, w.client_id, w.mac_address, null::uuid, null::timestamptz, null::int8,
                   null::varchar, null::varchar, null::timestamptz
              from written w where w.client_id is not null and w.mac_address is not null""";

    /** What {@link #mergeFirstSeen} wrote: the guests it inserted, and the guest of each device it wrote at a hotspot. */
    public record FirstSeenWrite(List<FirstSeenGuests.Created> created, List<DeviceGuest> devices) {
    }

    /** A device at a client and the guest its session has; none when that guest was not visible to the statement. */
    public record DeviceGuest(long clientId, MacAddress mac, @Nullable Long guestId) {
    }

    /**
     * {@link #merge} of a batch with first-seen devices on PostgreSQL, the new guests inserted by the
     * same statement ({@link #UPSERT_FIRST_SEEN}): one round trip. Must run in the caller's
     * transaction (its {@link io.portico.guest.GuestCreated} events belong to it).
     */
    public FirstSeenWrite mergeFirstSeen(List<AccountingRecord> records, List<@Nullable Long> clientIds,
                                         List<@Nullable Long> hotspotIds, List<@Nullable Long> guestIds, FirstSeenGuests guests) {
        List<SessionWrite> writes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            writes.add(SessionWrite.of(records.get(i), clientIds.get(i), hotspotIds.get(i), guestIds.get(i)));
        }
        Object[][] sessions = columns(SessionWrite.combined(writes));
        List<FirstSeenGuests.Created> created = new ArrayList<>();
        List<DeviceGuest> devices = new ArrayList<>();
        batch.query(connection -> {
            var ps = connection.prepareStatement(UPSERT_FIRST_SEEN);
            bind(ps, connection, sessions, guests.bind(ps, 1));
            return ps;
        }, (RowCallbackHandler) rs -> {
            if ("g".equals(rs.getString(1))) {
                created.add(FirstSeenGuests.created(rs));
            } else {
                long guest = rs.getLong(2);
                Long guestId = rs.wasNull() ? null : guest;
                devices.add(new DeviceGuest(rs.getLong(3), new MacAddress(rs.getString(4).strip()), guestId));
            }
        });
        return new FirstSeenWrite(created, devices);
    }

    private void upsert(List<SessionWrite> writes) {
        Object[][] columns = columns(writes);
        batch.update(UPSERT, ps -> bind(ps, ps.getConnection(), columns, 1));
    }

    /** {@link #UPSERT}'s arrays from {@code first} on: each a JDBC array of its column's type. */
    private static void bind(java.sql.PreparedStatement ps, Connection c, Object[][] columns, int first) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Object[] column = columns[i];
            String type = column instanceof Long[] ? "int8" : column instanceof Integer[] ? "int4"
                    : column instanceof Boolean[] ? "bool" : "text";
            ps.setArray(first + i, c.createArrayOf(type, column));
        }
    }

    /** The sessions as {@link #UPSERT}'s column arrays. */
    private static Object[][] columns(List<SessionWrite> writes) {
        int n = writes.size();
        String[] keys = new String[n], macs = new String[n], agents = new String[n], nasAddresses = new String[n],
                sessions = new String[n], users = new String[n], framed = new String[n], closedBy = new String[n],
                nasIdentifiers = new String[n];
        Long[] clients = new Long[n], hotspots = new Long[n], guests = new Long[n], seconds = new Long[n], input = new Long[n],
                output = new Long[n], nasClients = new Long[n], started = new Long[n], seen = new Long[n], ended = new Long[n],
                stale = new Long[n];
        Integer[] causes = new Integer[n];
        Boolean[] startReported = new Boolean[n];
        for (int i = 0; i < n; i++) {
            SessionWrite w = writes.get(i);
            keys[i] = w.sessionKey();
            clients[i] = w.clientId();
            hotspots[i] = w.hotspotId();
            guests[i] = w.guestId();
            macs[i] = w.macAddress();
            agents[i] = w.userAgent();
            started[i] = micros(w.startedAt());
            startReported[i] = w.startReported();
            seen[i] = micros(w.lastSeenAt());
            ended[i] = micros(w.endedAt());
            seconds[i] = w.sessionSeconds();
            input[i] = w.inputOctets();
            output[i] = w.outputOctets();
            causes[i] = w.terminateCause();
            nasClients[i] = w.nasClientId();
            nasAddresses[i] = w.nasAddress();
            sessions[i] = w.acctSessionId();
            users[i] = w.userName();
            framed[i] = w.framedIp();
            stale[i] = micros(w.staleAfter());
            closedBy[i] = w.closedBy();
            nasIdentifiers[i] = w.nasIdentifier();
        }
        return new Object[][] {keys, clients, hotspots, guests, macs, agents, started, startReported, seen, ended, seconds,
                input, output, causes, nasClients, nasAddresses, sessions, users, framed, stale, closedBy, nasIdentifiers};
    }

    /**
     * The instant in whole microseconds since the epoch, rounded half up as PostgreSQL rounds the
     * fraction of a {@code timestamptz} it parses; null stays null.
     */
    static @Nullable Long micros(@Nullable Instant at) {
        if (at == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1_000);
    }

    private volatile @Nullable Boolean postgres;

    /** Whether the database is PostgreSQL (asked once, of the first connection): {@link #mergeFirstSeen} is for it only. */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(batch.execute((Connection c) -> c.isWrapperFor(PGConnection.class)));
            postgres = known;
        }
        return known;
    }

    /** Inserts complete sessions in JDBC batches (demo data, benchmark loading). */
    public void insertAll(List<CompletedSession> sessions) {
        List<Object[]> rows = new ArrayList<>(sessions.size());
        for (CompletedSession s : sessions) {
            Instant end = s.startedAt().plusSeconds(s.sessionSeconds());
            rows.add(new @Nullable Object[] {s.sessionId().value(), s.clientId(), s.hotspotId(), s.guestId(),
                    s.macAddress().value(), s.userAgent(), utc(s.startedAt()), utc(end), utc(end), s.sessionSeconds(),
                    s.inputBytes(), s.outputBytes(), s.terminateCause() == null ? null : s.terminateCause().code()});
        }
        batch.batchUpdate(INSERT, rows);
    }

    /**
     * Streams the client's sessions started in the query's range, in {@link #REPORT_ORDER}, to the
     * consumer. Must run in a transaction. On PostgreSQL (unless {@code portico.connection.postgres-copy}
     * is off) the same query runs through {@code COPY ... TO STDOUT}, which the server pushes
     * continuously where a cursor produces rows only per fetch round trip; elsewhere a JDBC cursor
     * with the configured fetch size.
     */
    public void streamReport(long clientId, ConnectionQuery query, Consumer<SessionRow> rows) {
        if (postgresCopy) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (connection.isWrapperFor(PGConnection.class)) {
                    copyReport(connection, clientId, query, rows);
                    return;
                }
            } catch (SQLException e) {
                throw new UncategorizedSQLException("connections report (COPY)", null, e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        List<Object> args = new ArrayList<>(List.of(clientId, utc(query.from()), utc(query.to())));
        String hotspots = "";
        if (!query.hotspotIds().isEmpty()) {
            hotspots = " and c.hotspot_id in (" + String.join(", ", Collections.nCopies(query.hotspotIds().size(), "?")) + ")";
            args.addAll(query.hotspotIds().stream().sorted().toList());
        }
        streaming.query(REPORT + hotspots + REPORT_ORDER, (RowCallbackHandler) rs -> rows.accept(row(rs)), args.toArray());
    }

    private static void copyReport(Connection connection, long clientId, ConnectionQuery query, Consumer<SessionRow> rows)
            throws SQLException {
        // COPY takes no bind parameters: the values are numbers and formatted instants, never text from outside.
        String sql = REPORT.replace("c.client_id = ? and c.started_at >= ? and c.started_at < ?",
                "c.client_id = " + clientId + " and c.started_at >= '" + COPY_INSTANT.format(query.from())
                        + "'::timestamptz and c.started_at < '" + COPY_INSTANT.format(query.to()) + "'::timestamptz");
        if (!query.hotspotIds().isEmpty()) {
            sql += " and c.hotspot_id in (" + String.join(", ",
                    query.hotspotIds().stream().sorted().map(String::valueOf).toList()) + ")";
        }
        sql += REPORT_ORDER;
        try (Statement settings = connection.createStatement()) {
            // Transaction-local: how timestamps are printed, for the parser.
            settings.execute("select set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true)");
        }
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + sql + ") to stdout");
        CopyRowParser parser = new CopyRowParser();
        try {
            byte[] line;
            while ((line = copy.readFromCopy()) != null) {
                rows.accept(parser.parse(line));
            }
        } finally {
            if (copy.isActive()) {
                stop(connection.unwrap(PGConnection.class), copy);
            }
        }
    }

    /**
     * The row at the result set's cursor, columns read by position in {@link #REPORT}'s select list
     * (a lookup by name costs more than the rest of the row in the PostgreSQL driver).
     */
    public static SessionRow row(ResultSet rs) throws SQLException {
        long hotspotId = rs.getLong(1);
        String hotspotName = rs.getString(2);
        String mac = rs.getString(3);
        Instant started = rs.getObject(4, OffsetDateTime.class).toInstant();
        Instant end = rs.getObject(5, OffsetDateTime.class).toInstant();
        long seconds = rs.getLong(6);
        long input = rs.getLong(7);
        long output = rs.getLong(8);
        int cause = rs.getInt(9);
        Integer terminateCause = rs.wasNull() ? null : cause;
        return new SessionRow(hotspotId, hotspotName, mac, started, end, seconds, input, output, terminateCause,
                rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16));
    }

    /**
     * Bytes in and out of the guest's sessions last seen at or after {@code since} (whole
     * sessions): ix_connection_guest (guest_id, started_at) finds the guest's few sessions;
     * last_seen_at stays unindexed on purpose, since every Interim-Update moves it (an index there
     * would cost each accounting write).
     */
    public long bytesSeenSince(long clientId, long guestId, Instant since) {
        return jdbc.sql("""
                        select coalesce(sum(input_octets + output_octets), 0) from connection_session
                         where client_id = ? and guest_id = ? and last_seen_at >= ?""")
                .params(clientId, guestId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
    }

    /**
     * The device's accounting at one NAS reported since {@code since}: last report, bytes both ways,
     * and whether a session is open (not stopped, not stale at {@code now}).
     */
    public DeviceUsage deviceUsage(long nasClientId, String mac, Instant since, Instant now) {
        return jdbc.sql("""
                        select max(last_seen_at) as last_report, coalesce(sum(input_octets + output_octets), 0) as bytes,
                               sum(case when ended_at is null and stale_after > ? then 1 else 0 end) as open_sessions
                        from connection_session where nas_client_id = ? and mac_address = ? and last_seen_at >= ?""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), nasClientId, mac, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject("last_report", OffsetDateTime.class);
                    return new DeviceUsage(Optional.ofNullable(last).map(OffsetDateTime::toInstant), rs.getLong("bytes"),
                            rs.getLong("open_sessions") > 0);
                }).single();
    }

    /** The hotspot of the guest's latest session. */
    public Optional<Long> lastHotspotId(long clientId, long guestId) {
        return jdbc.sql("""
                        select hotspot_id from connection_session where client_id = ? and guest_id = ?
                         order by started_at desc, id desc fetch first 1 rows only""")
                .params(clientId, guestId).query(Long.class).optional();
    }

    /**
     * Accounting-On/Off: closes the NAS client's sessions still open and last seen by {@code at},
     * ending them at their last update; {@code closedBy} is {@code acct-on} or {@code acct-off}.
     */
    public int closeOpenOfNas(long nasClientId, Instant at, int terminateCause, String closedBy) {
        return jdbc.sql("update connection_session set ended_at = last_seen_at, terminate_cause = ?, closed_by = ?"
                        + " where ended_at is null and nas_client_id = ? and last_seen_at <= ?")
                .params(terminateCause, closedBy, nasClientId, utc(at)).update();
    }

    /**
     * Closes open sessions past their own stale deadline, and those without one (not from RADIUS)
     * last seen before {@code silentBefore}, ending them at their last update.
     */
    public int closeStale(Instant now, Instant silentBefore, int terminateCause) {
        return jdbc.sql("update connection_session set ended_at = last_seen_at, terminate_cause = ?, closed_by = 'stale'"
                        + " where ended_at is null and (stale_after < ? or (stale_after is null and last_seen_at < ?))")
                .params(terminateCause, utc(now), utc(silentBefore)).update();
    }

    /** The device's sessions open at a RADIUS client (guest connections or not), newest first. */
    public List<OpenNasSession> openNasSessions(MacAddress device) {
        return jdbc.sql("""
                        select c.nas_client_id, c.nas_address, coalesce(c.nas_identifier, ''), c.acct_session_id, c.user_name,
                               c.mac_address, c.id
                          from connection_session c
                         where c.ended_at is null and c.mac_address = ? and c.nas_client_id is not null
                         order by c.last_seen_at desc""")
                .param(device.value())
                .query((rs, n) -> new OpenNasSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? "" : rs.getString(5), new MacAddress(rs.getString(6)), rs.getLong(7)))
                .list();
    }

    /** Detaches an erased guest's sessions and replaces their MAC by an unlinkable one. */
    public int anonymise(long clientId, long guestId, String replacementMac) {
        return jdbc.sql("update connection_session set guest_id = null, mac_address = ?, user_agent = null"
                        + " where client_id = ? and guest_id = ?")
                .params(replacementMac, clientId, guestId).update();
    }

    /**
     * Ends a COPY the reader abandons (the client went away) so the connection goes back to the pool
     * clean: asks the server to cancel, then reads until the server ended the COPY (with the cancel's
     * error, or normally when it was done already). pgjdbc's own {@code CopyOut.cancelCopy()} left
     * the connection unusable for the next statement.
     */
    private static void stop(PGConnection connection, CopyOut copy) {
        try {
            connection.cancelQuery();
            while (copy.readFromCopy() != null) {
                // discard
            }
        } catch (SQLException e) {
            // the cancel's "canceling statement due to user request" ends the COPY
        }
    }

    private static final DateTimeFormatter COPY_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS'+00'").withZone(ZoneOffset.UTC);

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
