package io.portico.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/** The console's wire conventions for time: ISO 8601 UTC with milliseconds, e.g. {@code 2025-06-20T14:18:46.469Z}. */
final class ConsoleFormats {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ConsoleFormats() {
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an ISO 8601 instant with an offset or Z; a missing offset is an error (the console speaks UTC). */
    static @Nullable Instant parseIso(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            throw PorticoException.invalid(field, field + " must be an ISO 8601 date-time in UTC, e.g. 2025-06-20T14:18:46.469Z.");
        }
    }
}
