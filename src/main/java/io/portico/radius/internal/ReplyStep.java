package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.AccessGrant;
import io.portico.radius.PersonalKey;
import io.portico.radius.Speed;

/**
 * Step 4 of the authorisation chain: the reply attributes. An accept carries Session-Timeout,
 * Idle-Timeout, Acct-Interim-Interval, the speed as WISPr-Bandwidth-Max-Up/Down and
 * Mikrotik-Rate-Limit, and for residents the dynamic VLAN of RFC 3580 and, when the access point
 * asked by MAC alone, the resident's key in its vendor's attribute; a reject its Reply-Message.
 */
final class ReplyStep {

    static final int VLAN = 13;
    static final int IEEE_802 = 6;
    private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

    private ReplyStep() {
    }

    static List<RadiusAttribute> accept(AccessGrant grant) {
        return encodeAccept(grant).attributes();
    }

    static List<RadiusAttribute> reject(String reason) {
        return encodeReject(reason).attributes();
    }

    /** {@link #encodeAccept(AccessGrant, byte[], String)} for a grant without a personal key (nothing to encrypt). */
    static RadiusCodec.Encoder encodeAccept(AccessGrant grant) {
        if (grant.personalKey().isPresent() || grant.pairwiseMasterKey().isPresent()) {
            throw new IllegalArgumentException("a personal key is encrypted with the request's authenticator and secret");
        }
        return encodeAccept(grant, new byte[16], "");
    }

    /**
     * The Access-Accept's attributes on the wire, as {@link RadiusCodec#reply(byte, RadiusRequest, RadiusCodec.Encoder, String)}
     * sends them; a personal key is encrypted with the request's authenticator and the NAS secret.
     */
    static RadiusCodec.Encoder encodeAccept(AccessGrant grant, byte[] requestAuthenticator, String secret) {
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
        grant.personalKey().ifPresent(key -> personalKey(out, key, requestAuthenticator, secret));
        // RFC 2548: the PMK an 802.1X server hands the authenticator, encrypted like Tunnel-Password.
        grant.pairwiseMasterKey().ifPresent(pmk -> out.vendor(RadiusCodec.VENDOR_MICROSOFT, RadiusCodec.MS_MPPE_RECV_KEY,
                encrypt(pmk, requestAuthenticator, secret)));
        return out;
    }

    private static void personalKey(RadiusCodec.Encoder out, PersonalKey key, byte[] requestAuthenticator, String secret) {
        byte[] passphrase = key.passphrase().getBytes(StandardCharsets.US_ASCII);
        switch (key.delivery()) {
            case TUNNEL_PASSWORD -> {
                byte[] encrypted = encrypt(passphrase, requestAuthenticator, secret);
                byte[] tagged = new byte[1 + encrypted.length]; // tag 0: the key belongs to no particular tunnel
                System.arraycopy(encrypted, 0, tagged, 1, encrypted.length);
                out.octets(RadiusCodec.TUNNEL_PASSWORD, tagged);
            }
            case CISCO_AVPAIR -> {
                out.vendor(RadiusCodec.VENDOR_CISCO, RadiusCodec.CISCO_AVPAIR, "psk-mode=ascii".getBytes(StandardCharsets.US_ASCII));
                out.vendor(RadiusCodec.VENDOR_CISCO, RadiusCodec.CISCO_AVPAIR, ("psk=" + key.passphrase()).getBytes(StandardCharsets.US_ASCII));
            }
            case ARUBA_MPSK -> out.vendor(RadiusCodec.VENDOR_ARUBA, RadiusCodec.ARUBA_MPSK_PASSPHRASE,
                    encrypt(passphrase, requestAuthenticator, secret));
            case MIKROTIK_PSK -> out.vendor(RadiusCodec.VENDOR_MIKROTIK, RadiusCodec.MIKROTIK_WIRELESS_PSK, passphrase);
        }
    }

    /** RFC 2868 §3.5 with a fresh random salt (high bit set), so no two replies to one request share it. */
    private static byte[] encrypt(byte[] value, byte[] requestAuthenticator, String secret) {
        byte[] salt = new byte[2];
        SALTS.nextBytes(salt);
        salt[0] |= (byte) 0x80;
        return RadiusCodec.saltEncrypt(value, secret.getBytes(StandardCharsets.UTF_8), requestAuthenticator, salt);
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
