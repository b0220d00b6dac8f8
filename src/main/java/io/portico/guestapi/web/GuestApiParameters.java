package io.portico.guestapi.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.portico.connection.ConnectionQuery;
import io.portico.guest.PlanState;
import io.portico.platform.PorticoException;

/**
 * The guest API's query parameter rules, as the v2 document states them: formats, defaults and
 * limits, each failure a 400 naming the parameter. Times are UTC; the API has no time zone parameter.
 */
final class GuestApiParameters {

    static final Duration MAX_STARTED_SINCE = Duration.ofDays(7);
    static final Duration DEFAULT_STARTED_SINCE = Duration.ofHours(12);
    static final Duration HOTSPOT_WINDOW = Duration.ofHours(12);
    static final Duration DEFAULT_CONNECTIONS_RANGE = Duration.ofDays(1);

    static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter T_SEPARATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,7})([mhd])");

    private GuestApiParameters() {
    }

    static PlanState state(@Nullable String value) {
        if (value == null) {
            return PlanState.ACTIVE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> PlanState.ACTIVE;
            case "expired" -> PlanState.EXPIRED;
            default -> throw PorticoException.invalid("state", "state must be active or expired.");
        };
    }

    /** The start of the guest plan window: a timestamp or a relative age (default 12h), never over 7 days ago. */
    static Instant startedSince(@Nullable String timestamp, @Nullable String relative, Instant now) {
        if (timestamp != null && relative != null) {
            throw PorticoException.invalid("started_since_timestamp",
                    "Use started_since_timestamp or started_since_relative, not both.");
        }
        Instant oldest = now.minus(MAX_STARTED_SINCE);
        if (timestamp != null) {
            Instant since;
            try {
                since = LocalDateTime.parse(timestamp.strip(), SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw PorticoException.invalid("started_since_timestamp",
                        "started_since_timestamp must be yyyy-mm-dd hh:mm:ss (UTC).");
            }
            if (since.isBefore(oldest)) {
                throw PorticoException.invalid("started_since_timestamp",
                        "started_since_timestamp can be at most 7 days ago.");
            }
            return since;
        }
        if (relative == null) {
            return now.minus(DEFAULT_STARTED_SINCE);
        }
        Matcher m = RELATIVE.matcher(relative.strip());
        if (!m.matches()) {
            throw PorticoException.invalid("started_since_relative",
                    "started_since_relative must be a number followed by m, h or d, e.g. 10m, 4h, 2d.");
        }
        long n = Long.parseLong(m.group(1));
        Duration age = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (age.compareTo(MAX_STARTED_SINCE) > 0) {
            throw PorticoException.invalid("started_since_relative", "started_since_relative can be at most 7 days (7d).");
        }
        return now.minus(age);
    }

    static @Nullable Boolean optionalBoolean(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw PorticoException.invalid(name, name + " must be true or false.");
        };
    }

    /**
     * The connections window: with {@code hotspotid}, the past 12 hours whatever from/to say;
     * otherwise {@code [from, to)}, to defaulting to now and from to one day before to.
     */
    static ConnectionQuery connections(@Nullable String from, @Nullable String to, @Nullable String hotspotIds, Instant now) {
        if (hotspotIds != null) {
            return new ConnectionQuery(now.minus(HOTSPOT_WINDOW), now, hotspots(hotspotIds));
        }
        Instant end = to == null ? now : dateTime("to", to);
        Instant start = from == null ? end.minus(DEFAULT_CONNECTIONS_RANGE) : dateTime("from", from);
        return new ConnectionQuery(start, end, Set.of());
    }

    private static Set<Long> hotspots(String value) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("\\d{1,18}") || Long.parseLong(p) == 0) {
                throw PorticoException.invalid("hotspotid", "hotspotid must be a hotspot id or a comma-separated list of them.");
            }
            ids.add(Long.parseLong(p));
        }
        if (ids.size() > 100) {
            throw PorticoException.invalid("hotspotid", "hotspotid can list at most 100 hotspots.");
        }
        return ids;
    }

    private static Instant dateTime(String name, String value) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v, DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(v, T_SEPARATED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw PorticoException.invalid(name, name + " must be yyyy-mm-dd or yyyy-mm-ddThh:mm:ss (UTC).");
        }
    }
}
