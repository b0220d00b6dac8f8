package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portico.radius.ResidentDevice;
import io.portico.subscription.ResidentKey;
import io.portico.subscription.ResidentPlan;
import io.portico.subscription.ResidentWifi;
import io.portico.subscription.Subscriber;

/** The wire shapes of "My WiFi", "My devices" and "My plan" (the resident routes and staff's listDevices). */
final class ResidentWire {

    private ResidentWire() {
    }

    static Map<String, Object> ok(String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put(key, value);
        body.put("errorProcessing", false);
        return body;
    }

    static Map<String, Object> wifi(ResidentWifi wifi) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("SSIDs", wifi.ssids());
        body.put("Keys", wifi.keys().stream().map(k -> key(k, wifi.ssids())).toList());
        body.put("errorProcessing", false);
        return body;
    }

    static Map<String, Object> key(ResidentKey k, List<String> ssids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriptionID", k.subscriptionId());
        m.put("VenueID", k.venueKey());
        m.put("VenueName", k.venueName());
        m.put("UnitID_internal", k.unitKey());
        m.put("psk", k.psk());
        m.put("WiFiQRCodes", ssids.stream().map(ssid -> Map.of("SSID", ssid, "Payload", k.wifiQrPayload(ssid))).toList());
        m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(k.startsAt()));
        if (k.endsAt() != null) {
            m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(k.endsAt()));
        }
        return m;
    }

    static Map<String, Object> device(ResidentDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MACAddress", d.device().value());
        m.put("DeviceName", d.name());
        m.put("SubscriptionID", d.subscriptionId());
        m.put("LastSeenDateTimeUTC.ISO8601", ConsoleFormats.iso(d.lastSeen()));
        m.put("Online", d.online());
        m.put("BytesUsed", d.bytesUsed());
        return m;
    }

    static Map<String, Object> plan(ResidentPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriptionID", p.subscriptionId());
        m.put("VenueID", p.venueKey());
        m.put("VenueName", p.venueName());
        m.put("UnitID_internal", p.unitKey());
        m.put("Status", p.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(p.startsAt()));
        if (p.endsAt() != null) {
            m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(p.endsAt()));
        }
        m.put("CycleEndDateTimeUTC.ISO8601", ConsoleFormats.iso(p.cycleEndsAt()));
        m.put("Cancelled", p.cancelledFor().isPresent());
        m.put("ServicePlan", PlanWire.render(p.plan()));
        return m;
    }

    static Map<String, Object> contact(Subscriber s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EmailAddress", s.email());
        m.put("locale", s.locale());
        m.put("contactpref_sms", s.contactBySms());
        m.put("contactpref_email", s.contactByEmail());
        return m;
    }
}
