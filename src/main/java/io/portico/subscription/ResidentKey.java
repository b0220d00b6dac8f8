package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A resident's personal key for one active subscription, as "My WiFi" shows it. */
public record ResidentKey(long subscriptionId, String venueKey, String venueName, String unitKey, String unitName, String psk, Instant startsAt,
                          @Nullable Instant endsAt) {

    /**
     * The text of a WiFi QR code joining {@code ssid} with this key (the ZXing/Android convention
     * phones' cameras read): {@code WIFI:T:WPA;S:<ssid>;P:<key>;;}, with {@code \ ; , : "} in the
     * SSID and key escaped by a backslash.
     */
    public String wifiQrPayload(String ssid) {
        return "WIFI:T:WPA;S:" + escape(ssid) + ";P:" + escape(psk) + ";;";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ResidentKey[subscriptionId=" + subscriptionId + ", venueKey=" + venueKey + ", unitKey=" + unitKey + ", psk=***]";
    }
}
