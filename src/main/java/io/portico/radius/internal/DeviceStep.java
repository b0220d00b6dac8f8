package io.portico.radius.internal;

import java.util.Optional;

import org.tinyradius.core.packet.request.AccessRequestPap;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.Credentials;
import io.portico.guest.MacAddress;

/**
 * Step 2 of the authorisation chain: which device asks, and with what password. The MAC comes from
 * Calling-Station-Id, or from User-Name when that is a MAC (MAC authentication); any common
 * notation is normalised. A request naming no device is rejected.
 */
final class DeviceStep {

    /** The device and what it sent; {@code credentials} are PAP or CHAP, or none. */
    record Device(MacAddress mac, String username, Credentials credentials) {
    }

    private DeviceStep() {
    }

    static Optional<Device> identify(RadiusRequest request) {
        String username = RadiusCodec.string(request, RadiusCodec.USER_NAME).orElse("");
        Optional<MacAddress> mac = RadiusCodec.string(request, RadiusCodec.CALLING_STATION_ID).flatMap(MacAddress::tryParse)
                .or(() -> MacAddress.tryParse(username));
        return mac.map(m -> new Device(m, username, credentials(request)));
    }

    static Credentials credentials(RadiusRequest request) {
        if (request instanceof AccessRequestPap pap) {
            return pap.getPassword().<Credentials>map(Credentials.Pap::new).orElseGet(Credentials.None::new);
        }
        Optional<byte[]> chap = RadiusCodec.octets(request, RadiusCodec.CHAP_PASSWORD).filter(v -> v.length == 17);
        if (chap.isPresent()) {
            byte[] value = chap.get();
            // RFC 2865 §5.3: without CHAP-Challenge, the Request Authenticator is the challenge.
            byte[] challenge = RadiusCodec.octets(request, RadiusCodec.CHAP_CHALLENGE).filter(c -> c.length > 0)
                    .orElse(request.getAuthenticator());
            return new Credentials.Chap(value[0], challenge, java.util.Arrays.copyOfRange(value, 1, 17));
        }
        return new Credentials.None();
    }
}
