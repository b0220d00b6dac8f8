package io.portico.equipment;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line of an equipment's log: a driver command and its outcome, or an administrator's
 * change. {@code administrator}, {@code sourceLocale} and {@code sourceUserAgent} are null for
 * engine actions.
 */
public record EquipmentLogEntry(Instant occurredAt, String functionName, Map<String, Object> event, String sourceIp,
                                String firewallSourceIp, @Nullable String administrator, @Nullable String sourceLocale,
                                @Nullable String sourceUserAgent) {

    public EquipmentLogEntry {
        event = Map.copyOf(event);
    }
}
