package io.portico.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One operator log entry as stored; the console facade renders it in the console's shape. */
public record LogEntry(long id, long operatorId, Instant occurredAt, String functionName, Map<String, Object> event,
                       @Nullable String administrator, String sourceIp, String sourceLocale, String sourceUserAgent,
                       String venueId, String unitId) {

    public LogEntry {
        event = Map.copyOf(event);
    }

    /** Where a keyset page of the log stops: the last entry shown. */
    public record Cursor(Instant occurredAt, long id) {
    }

    public Cursor cursor() {
        return new Cursor(occurredAt, id);
    }
}
