package io.portico.console.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.audit.LogEntry;
import io.portico.audit.LogWindow;
import io.portico.equipment.EquipmentLog;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.webhook.DeliveryWindow;

/** The console's three logs on the wire (operator, equipment, webhook): the window asked for and the bodies answered. */
final class LogWire {

    /** How many equipment log entries one listEquipmentLog call returns at most (newest first). */
    static final int EQUIPMENT_LOG_LIMIT = 1000;

    /** The optional time window of listOperatorLog and listWebhookLog. */
    record Window(@JsonProperty("MinViewWindowDateUTC.ISO8601") @Nullable String min,
                  @JsonProperty("MaxViewWindowDateUTC.ISO8601") @Nullable String max) {

        static Window of(@Nullable Window window) {
            return window == null ? new Window(null, null) : window;
        }

        @Nullable Instant from() {
            return ConsoleFormats.parseIso(min, "MinViewWindowDateUTC.ISO8601");
        }

        @Nullable Instant to() {
            return ConsoleFormats.parseIso(max, "MaxViewWindowDateUTC.ISO8601");
        }
    }

    private LogWire() {
    }

    static Map<String, Object> operatorLog(LogWindow result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("log", result.entries().stream().map(LogWire::logEntry).toList());
        body.put("log_count", result.total());
        body.put("log_returned", result.entries().size());
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> logEntry(LogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(e.occurredAt()));
        m.put("function_name", e.functionName());
        m.put("event", e.event());
        if (e.administrator() != null) {
            m.put("Administrator", e.administrator());
        }
        m.put("SourceIP", e.sourceIp());
        if (e.administrator() != null) {
            m.put("SourceLocale", e.sourceLocale());
            m.put("SourceUA", e.sourceUserAgent());
        }
        m.put("UnitID_internal", e.unitId());
        m.put("VenueID", e.venueId());
        return m;
    }

    static Map<String, Object> equipmentLog(EquipmentLog log) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.putAll(EquipmentWire.render(log.equipment()));
        body.put("log", log.entries().stream().map(LogWire::equipmentLogEntry).toList());
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> equipmentLogEntry(EquipmentLogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(e.occurredAt()));
        m.put("function_name", e.functionName());
        m.put("event", e.event());
        m.put("SourceIP", e.sourceIp());
        m.put("FirewallSourceIP", e.firewallSourceIp());
        m.put("Administrator", e.administrator());
        m.put("SourceLocale", e.sourceLocale());
        m.put("SourceUA", e.sourceUserAgent());
        return m;
    }

    static Map<String, Object> webhookLog(DeliveryWindow result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Webhooks", result.deliveries().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(d.occurredAt()));
            m.put("Type", d.type());
            m.put("WebhookURL", d.url());
            m.put("Payload", d.payload());
            m.put("webhookresponse", d.responses());
            return m;
        }).toList());
        body.put("errorProcessing", false);
        return body;
    }
}
