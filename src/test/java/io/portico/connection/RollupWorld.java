package io.portico.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import io.portico.support.Fixtures;

/** Venues, hotspots and accounting sessions written straight to the tables, for the rollup tests. */
final class RollupWorld {

    private final JdbcTemplate jdbc;
    private final List<Object[]> rows = new ArrayList<>();
    private int serial;

    RollupWorld(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long venue(long operatorId, long clientId, String zone) {
        String key = "R" + Fixtures.unique();
        jdbc.update("insert into venue (operator_id, client_id, venue_key, name, address_line1, city, state, postal_code, country,"
                + " time_zone, created_at) values (?, ?, ?, 'Rollup venue', '1 Main St', 'Boston', 'MA', '02110', 'USA', ?, current_timestamp)",
                operatorId, clientId, key, zone);
        return jdbc.queryForObject("select id from venue where venue_key = ?", Long.class, key);
    }

    long hotspot(long operatorId, long clientId, long venueId) {
        String nas = "rollup-" + Fixtures.unique();
        jdbc.update("insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)"
                + " values (?, ?, ?, ?, ?, current_timestamp)", operatorId, clientId, venueId, "Spot " + nas, nas);
        return jdbc.queryForObject("select id from hotspot where nas_identifier = ?", Long.class, nas);
    }

    /** Queues a session (open when {@code end} is null) until {@link #flush()}; its output is three times its input. */
    void session(long hotspot, String mac, Instant start, @Nullable Instant end, long octets) {
        long clientId = jdbc.queryForObject("select client_id from hotspot where id = ?", Long.class, hotspot);
        String key = HexFormat.of().formatHex(sha(hotspot + "-" + serial++ + "-" + start));
        rows.add(new Object[] {key, clientId, hotspot, mac, utc(start), utc(end == null ? start.plusSeconds(60) : end),
                end == null ? null : utc(end), octets, octets * 3, end == null ? null : "nas"});
    }

    void flush() {
        jdbc.batchUpdate("insert into connection_session (session_key, client_id, hotspot_id, mac_address, started_at, start_reported, last_seen_at,"
                + " ended_at, session_seconds, input_octets, output_octets, closed_by) values (?, ?, ?, ?, ?, true, ?, ?, 60, ?, ?, ?)", rows);
        rows.clear();
    }

    /** The overview's 30 local days ending today, as the dashboard asks for them. */
    static List<Instant> starts(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Instant> starts = new ArrayList<>();
        for (int i = 29; i >= -1; i--) {
            starts.add(today.minusDays(i).atStartOfDay(zone).toInstant());
        }
        return starts;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] sha(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
