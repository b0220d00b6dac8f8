package io.portico.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How a page writes times, data and durations: in the time zone the page states (the venue's, or
 * the operator's) and the page's language.
 */
public record DashboardFormats(ZoneId zone, Locale locale) {

    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(instant);
    }

    /** Machine-readable time for {@code <time datetime>}: ISO-8601 with the offset of the zone. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(instant);
    }

    public static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return bytes + " B";
    }

    public static String duration(Instant from, Instant to) {
        long seconds = Math.max(0, to.getEpochSecond() - from.getEpochSecond());
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
