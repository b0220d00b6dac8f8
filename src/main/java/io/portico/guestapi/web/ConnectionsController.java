package io.portico.guestapi.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.portico.connection.ConnectionQuery;
import io.portico.connection.ConnectionReader;
import io.portico.connection.ConnectionRecord;
import io.portico.identity.ClientPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;

/** {@code /v2/client/connections}: the guest connections report, streamed while it is read. */
@RestController
@Tag(name = "Guest API v2")
class ConnectionsController {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final ConnectionReader connections;
    private final JsonArrayStream stream;
    private final Clock clock;

    ConnectionsController(ConnectionReader connections, JsonArrayStream stream, Clock clock) {
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
        RecordWriter writer = new RecordWriter();
        return stream.<ConnectionRecord>of(sink -> connections.report(clientId, query, sink), writer::write);
    }

    /**
     * Writes one record per call; one instance per response. Property names are pre-encoded, and the
     * date and online time are written from a reused character buffer, not a String per record.
     */
    static final class RecordWriter {

        private static final SerializedString DATE_KEY = new SerializedString("date");
        private static final SerializedString EMAIL = new SerializedString("email");
        private static final SerializedString PHONE = new SerializedString("phone");
        private static final SerializedString DEVICE = new SerializedString("device");
        private static final SerializedString MOBILE = new SerializedString("mobile");
        private static final SerializedString IDENTITY = new SerializedString("identity");
        private static final SerializedString LASTNAME = new SerializedString("lastname");
        private static final SerializedString UPLOADED = new SerializedString("uploaded");
        private static final SerializedString FIRSTNAME = new SerializedString("firstname");
        private static final SerializedString USERAGENT = new SerializedString("useragent");
        private static final SerializedString DOWNLOADED = new SerializedString("downloaded");
        private static final SerializedString GUESTTOKEN = new SerializedString("guesttoken");
        private static final SerializedString MACADDRESS = new SerializedString("macaddress");
        private static final SerializedString HOTSPOTNAME = new SerializedString("hotspotname");
        private static final SerializedString ONLINE_TIME = new SerializedString("online_time");
        private static final SerializedString PROFILEUSER = new SerializedString("profileuser");
        private static final SerializedString REASON = new SerializedString("reason_for_termination");

        /** Values that repeat across records (user agents, hotspot names), JSON-encoded once per response. */
        private static final int ENCODED_MAX = 10_000;

        private final char[] buffer = new char[40];
        private final Map<String, SerializedString> encoded = new HashMap<>();

        void write(JsonGenerator json, ConnectionRecord c) {
            json.writeStartObject();
            json.writeName(DATE_KEY);
            int n = date(c.startedAt(), buffer);
            if (n < 0) {
                json.writeString(date(c.startedAt()));
            } else {
                json.writeString(buffer, 0, n);
            }
            string(json, EMAIL, c.email());
            string(json, PHONE, c.phone());
            string(json, DEVICE, c.device());
            string(json, MOBILE, c.phone());
            string(json, IDENTITY, c.email() != null ? c.email() : c.macAddress().value());
            string(json, LASTNAME, c.lastName());
            json.writeName(UPLOADED);
            json.writeNumber(c.uploaded());
            string(json, FIRSTNAME, c.firstName());
            repeated(json, USERAGENT, c.userAgent());
            json.writeName(DOWNLOADED);
            json.writeNumber(c.downloaded());
            string(json, GUESTTOKEN, c.guestToken() == null ? null : c.guestToken().toString());
            string(json, MACADDRESS, c.macAddress().value());
            repeated(json, HOTSPOTNAME, c.hotspotName());
            json.writeName(ONLINE_TIME);
            json.writeString(buffer, 0, onlineTime(c.onlineTime().toSeconds(), buffer));
            string(json, PROFILEUSER, c.displayName());
            string(json, REASON, c.terminateCause() == null ? null : c.terminateCause().words());
            json.writeEndObject();
        }

        private void repeated(JsonGenerator json, SerializedString name, @Nullable String value) {
            json.writeName(name);
            if (value == null) {
                json.writeNull();
                return;
            }
            SerializedString pre = encoded.get(value);
            if (pre == null && encoded.size() < ENCODED_MAX) {
                pre = new SerializedString(value);
                encoded.put(value, pre);
            }
            if (pre == null) {
                json.writeString(value);
            } else {
                json.writeString(pre);
            }
        }

        private static void string(JsonGenerator json, SerializedString name, @Nullable String value) {
            json.writeName(name);
            if (value == null) {
                json.writeNull();
            } else {
                json.writeString(value);
            }
        }
    }

    /**
     * {@link #date(Instant)} into {@code out} (at least 32 chars); returns the length, or -1 for a
     * year outside 1000..9999 (then use the formatter).
     */
    static int date(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil-from-days (Howard Hinnant's algorithm), proleptic Gregorian as java.time
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1000 || year > 9999) {
            return -1;
        }
        int y = (int) year;
        out[0] = (char) ('0' + y / 1000);
        out[1] = (char) ('0' + y / 100 % 10);
        out[2] = (char) ('0' + y / 10 % 10);
        out[3] = (char) ('0' + y % 10);
        out[4] = '-';
        two(out, 5, month);
        out[7] = '-';
        two(out, 8, day);
        out[10] = 'T';
        two(out, 11, secondOfDay / 3600);
        out[13] = ':';
        two(out, 14, secondOfDay / 60 % 60);
        out[16] = ':';
        two(out, 17, secondOfDay % 60);
        out[19] = '.';
        int micros = instant.getNano() / 1000;
        for (int i = 25; i >= 20; i--) {
            out[i] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        out[26] = '+';
        out[27] = '0';
        out[28] = '0';
        out[29] = ':';
        out[30] = '0';
        out[31] = '0';
        return 32;
    }

    /** {@link #onlineTime(Duration)} of {@code s} seconds (not negative) into {@code out}; returns the length. */
    static int onlineTime(long s, char[] out) {
        long hours = s / 3600;
        int n = 0;
        if (hours < 10) {
            out[n++] = '0';
            out[n++] = (char) ('0' + hours);
        } else {
            String h = Long.toString(hours);
            h.getChars(0, h.length(), out, 0);
            n = h.length();
        }
        out[n++] = ':';
        two(out, n, (int) (s % 3600 / 60));
        n += 2;
        out[n++] = ':';
        two(out, n, (int) (s % 60));
        return n + 2;
    }

    private static void two(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
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
