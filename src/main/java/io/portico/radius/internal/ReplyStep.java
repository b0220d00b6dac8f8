package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.AccessGrant;
import io.portico.radius.Speed;

/**
 * Step 4 of the authorisation chain: the reply attributes. An accept carries Session-Timeout,
 * Idle-Timeout, Acct-Interim-Interval, the speed as WISPr-Bandwidth-Max-Up/Down and
 * Mikrotik-Rate-Limit, and for residents the dynamic VLAN of RFC 3580; a reject its Reply-Message.
 */
final class ReplyStep {

    static final int VLAN = 13;
    static final int IEEE_802 = 6;

    private ReplyStep() {
    }

    static List<RadiusAttribute> accept(AccessGrant grant) {
        return encodeAccept(grant).attributes();
    }

    static List<RadiusAttribute> reject(String reason) {
        return encodeReject(reason).attributes();
    }

    /** The Access-Accept's attributes on the wire, as {@link RadiusCodec#reply(byte, RadiusRequest, RadiusCodec.Encoder, String)} sends them. */
    static RadiusCodec.Encoder encodeAccept(AccessGrant grant) {
        RadiusCodec.Encoder out = new RadiusCodec.Encoder();
        grant.sessionTimeout().ifPresent(d -> out.integer(RadiusCodec.SESSION_TIMEOUT, d.toSeconds()));
        grant.idleTimeout().ifPresent(d -> out.integer(RadiusCodec.IDLE_TIMEOUT, d.toSeconds()));
        grant.interimInterval().map(Duration::toSeconds).ifPresent(s -> out.integer(RadiusCodec.ACCT_INTERIM_INTERVAL, s));
        grant.speed().ifPresent(speed -> {
            out.vendor(RadiusCodec.VENDOR_WISPR, RadiusCodec.WISPR_BANDWIDTH_MAX_UP, RadiusCodec.int32(speed.upBitsPerSecond()));
            out.vendor(RadiusCodec.VENDOR_WISPR, RadiusCodec.WISPR_BANDWIDTH_MAX_DOWN, RadiusCodec.int32(speed.downBitsPerSecond()));
            out.vendor(RadiusCodec.VENDOR_MIKROTIK, RadiusCodec.MIKROTIK_RATE_LIMIT, mikrotikRateLimit(speed).getBytes(StandardCharsets.US_ASCII));
        });
        grant.vlan().ifPresent(vlan -> {
            out.taggedInteger(RadiusCodec.TUNNEL_TYPE, 0, VLAN);
            out.taggedInteger(RadiusCodec.TUNNEL_MEDIUM_TYPE, 0, IEEE_802);
            out.string(RadiusCodec.TUNNEL_PRIVATE_GROUP_ID, Integer.toString(vlan.id()));
        });
        return out;
    }

    static RadiusCodec.Encoder encodeReject(String reason) {
        return new RadiusCodec.Encoder().string(RadiusCodec.REPLY_MESSAGE, reason);
    }

    /**
     * RouterOS's {@code rx-rate/tx-rate} seen from the router's client side: rx is what the device
     * uploads, tx what it downloads, e.g. {@code 10M/100M}.
     */
    static String mikrotikRateLimit(Speed speed) {
        return rate(speed.upBitsPerSecond()) + "/" + rate(speed.downBitsPerSecond());
    }

    private static String rate(long bits) {
        if (bits % 1_000_000 == 0) {
            return bits / 1_000_000 + "M";
        }
        if (bits % 1_000 == 0) {
            return bits / 1_000 + "k";
        }
        return Long.toString(bits);
    }
}
