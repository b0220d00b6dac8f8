package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.platform.PorticoException;
import io.portico.radius.ResidentDevices;
import io.portico.subscription.ResidentKey;
import io.portico.subscription.ResidentService;
import io.portico.subscription.SubscriberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * "My WiFi" and "My devices" for a signed-in resident (a subscriber's AccessToken): the keys and
 * SSIDs, key rotation, and the devices seen on the resident's keys with names and disconnect.
 */
@RestController
@Tag(name = "Subscriber console: resident")
class ResidentNetworkController {

    static final String PREFIX = "/preview/subscriberconsole/resident/";

    record SubscriptionBody(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId) {
    }

    record DeviceBody(@JsonProperty("MACAddress") @Nullable String macAddress, @JsonProperty("DeviceName") @Nullable String name) {
    }

    private final ResidentService residents;
    private final ResidentDevices devices;

    ResidentNetworkController(ResidentService residents, ResidentDevices devices) {
        this.residents = residents;
        this.devices = devices;
    }

    @PostMapping(PREFIX + "getWiFi")
    @Operation(summary = "The operator's SSIDs and the resident's personal keys (with WiFi QR code payloads)",
            description = "One entry in Keys per active subscription; WiFiQRCodes holds WIFI:T:WPA;S:<ssid>;P:<key>;; per SSID.")
    Map<String, Object> wifi(SubscriberPrincipal resident, @RequestBody(required = false) @Nullable Empty body) {
        return ResidentWire.wifi(residents.wifi(resident));
    }

    @PostMapping(PREFIX + "rotateKey")
    @Operation(summary = "Replaces the key of one of the resident's active subscriptions with a new random one",
            description = "The old key stops working at once; devices it let in are sent Disconnect-Requests; "
                    + "KeyEnd/KeyStart webhooks go out as for staff's resetKey.")
    Map<String, Object> rotateKey(SubscriberPrincipal resident, @RequestBody SubscriptionBody r) {
        ResidentKey key = residents.rotateKey(resident, required(r.subscriptionId()));
        return ResidentWire.ok("Key replaced. ", "Key", ResidentWire.key(key, residents.wifi(resident).ssids()));
    }

    @PostMapping(PREFIX + "listDevices")
    @Operation(summary = "The devices seen on the resident's keys or unit VLANs, most recently seen first",
            description = "Online: a session of the device is open (not stopped, not stale). BytesUsed: both ways, under the subscription.")
    Map<String, Object> listDevices(SubscriberPrincipal resident, @RequestBody(required = false) @Nullable Empty body) {
        return ResidentWire.ok("", "Devices", devices.devices(resident).stream().map(ResidentWire::device).toList());
    }

    @PostMapping(PREFIX + "renameDevice")
    @Operation(summary = "Names one of the resident's devices (at most 60 characters; empty removes the name)")
    Map<String, Object> renameDevice(SubscriberPrincipal resident, @RequestBody DeviceBody r) {
        return ResidentWire.ok("Device renamed. ", "Device", ResidentWire.device(
                devices.rename(resident, r.macAddress(), r.name() == null ? "" : r.name())));
    }

    @PostMapping(PREFIX + "disconnectDevice")
    @Operation(summary = "Sends Disconnect-Requests for the open sessions of one of the resident's devices",
            description = "The device may join again with the current key.")
    Map<String, Object> disconnectDevice(SubscriberPrincipal resident, @RequestBody DeviceBody r) {
        return ResidentWire.ok("Disconnect requested. ", "Device", ResidentWire.device(devices.disconnect(resident, r.macAddress())));
    }

    static long required(@Nullable Long id) {
        if (id == null) {
            throw PorticoException.invalid("SubscriptionID", "SubscriptionID is required.");
        }
        return id;
    }
}
