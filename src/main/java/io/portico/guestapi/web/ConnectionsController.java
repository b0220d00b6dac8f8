package io.portico.guestapi.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.portico.connection.ConnectionQuery;
import io.portico.connection.ConnectionRecord;
import io.portico.connection.ConnectionService;
import io.portico.identity.ClientPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;

/** {@code /v2/client/connections}: the guest connections report, streamed while it is read. */
@RestController
@Tag(name = "Guest API v2")
class ConnectionsController {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final ConnectionService connections;
    private final JsonArrayStream stream;
    private final Clock clock;

    ConnectionsController(ConnectionService connections, JsonArrayStream stream, Clock clock) {
        this.connections = connections;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/v2/client/connections")
    @Operation(summary = "Guest connections report (streamed)",
            description = "from inclusive, to exclusive (yyyy-mm-dd or yyyy-mm-ddThh:mm:ss, UTC), at most 30 days; "
                    + "to defaults to now, from to one day before to. With hotspotid (id or comma-separated ids) only the past 12 hours. "
                    + "Roaming sessions of one device at one hotspot are merged. Ordered by hotspot, device, then time.")
    ResponseEntity<StreamingResponseBody> report(ClientPrincipal principal,
                                                 @RequestParam(required = false) @Nullable String from,
                                                 @RequestParam(required = false) @Nullable String to,
                                                 @RequestParam(required = false) @Nullable String hotspotid) {
        ConnectionQuery query = GuestApiParameters.connections(from, to, hotspotid, clock.instant());
        long clientId = principal.clientId();
        return stream.<ConnectionRecord>of(sink -> connections.report(clientId, query, sink), ConnectionsController::write);
    }

    private static void write(JsonGenerator json, ConnectionRecord c) {
        json.writeStartObject();
        json.writeStringProperty("date", date(c.startedAt()));
        json.writeStringProperty("email", c.email());
        json.writeStringProperty("phone", c.phone());
        json.writeStringProperty("device", c.device());
        json.writeStringProperty("mobile", c.phone());
        json.writeStringProperty("identity", c.email() != null ? c.email() : c.macAddress().value());
        json.writeStringProperty("lastname", c.lastName());
        json.writeNumberProperty("uploaded", c.uploaded());
        json.writeStringProperty("firstname", c.firstName());
        json.writeStringProperty("useragent", c.userAgent());
        json.writeNumberProperty("downloaded", c.downloaded());
        json.writeStringProperty("guesttoken", c.guestToken() == null ? null : c.guestToken().toString());
        json.writeStringProperty("macaddress", c.macAddress().value());
        json.writeStringProperty("hotspotname", c.hotspotName());
        json.writeStringProperty("online_time", onlineTime(c.onlineTime()));
        json.writeStringProperty("profileuser", c.displayName());
        json.writeStringProperty("reason_for_termination", c.terminateCause() == null ? null : c.terminateCause().words());
        json.writeEndObject();
    }

    /**
     * {@code 2019-12-30T14:14:44.493576+00:00} (UTC, microseconds). By hand: a DateTimeFormatter
     * costs more than the rest of the row, and this runs once per streamed record.
     */
    static String date(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return DATE.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        sb.append(year).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('.');
        String micros = Integer.toString(instant.getNano() / 1000);
        sb.append("000000", 0, 6 - micros.length()).append(micros);
        return sb.append("+00:00").toString();
    }

    /** {@code HH:MM:SS}, hours not wrapping at 24; by hand because it runs once per streamed row. */
    static String onlineTime(Duration d) {
        long s = d.toSeconds();
        StringBuilder sb = new StringBuilder(10);
        long hours = s / 3600;
        if (hours < 10) {
            sb.append('0');
        }
        sb.append(hours).append(':');
        two(sb, (s % 3600) / 60).append(':');
        return two(sb, s % 60).toString();
    }

    private static StringBuilder two(StringBuilder sb, long value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
