package io.portico.subscription;

import java.util.List;

/**
 * "My WiFi": the operator's SSIDs (GlobalSSID, broadcast at every venue) and the resident's keys
 * for their active subscriptions. The subscriber console shows each key as text and as a WiFi QR code.
 */
public record ResidentWifi(List<String> ssids, List<ResidentKey> keys) {

    public ResidentWifi {
        ssids = List.copyOf(ssids);
        keys = List.copyOf(keys);
    }
}
