package io.portico.radius.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.WritableDictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.dictionary.parser.ResourceParser;
import org.tinyradius.core.dictionary.parser.resolver.ClasspathResourceResolver;
import org.tinyradius.core.packet.request.AccessRequestNoAuth;
import org.tinyradius.core.packet.request.AccountingRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.netty.buffer.Unpooled;

/**
 * The RADIUS wire format on tinyradius-netty: parses datagrams into requests, reads attributes by
 * number, and signs replies. Replies are signed here rather than by the library because the
 * library appends Message-Authenticator last, and Portico puts it first (the BlastRADIUS advice:
 * a forged prefix cannot then be chosen before it).
 */
final class RadiusCodec {

    static final int MAX_PACKET = 4096;
    static final int HEADER = 20;

    static final byte ACCESS_REQUEST = 1;
    static final byte ACCESS_ACCEPT = 2;
    static final byte ACCESS_REJECT = 3;
    static final byte ACCOUNTING_REQUEST = 4;
    static final byte ACCOUNTING_RESPONSE = 5;
    static final byte DISCONNECT_REQUEST = 40;
    static final byte DISCONNECT_ACK = 41;
    static final byte DISCONNECT_NAK = 42;

    static final int USER_NAME = 1;
    static final int USER_PASSWORD = 2;
    static final int CHAP_PASSWORD = 3;
    static final int NAS_IP_ADDRESS = 4;
    static final int FRAMED_IP_ADDRESS = 8;
    static final int REPLY_MESSAGE = 18;
    static final int SESSION_TIMEOUT = 27;
    static final int IDLE_TIMEOUT = 28;
    static final int CALLED_STATION_ID = 30;
    static final int CALLING_STATION_ID = 31;
    static final int NAS_IDENTIFIER = 32;
    static final int PROXY_STATE = 33;
    static final int ACCT_STATUS_TYPE = 40;
    static final int ACCT_DELAY_TIME = 41;
    static final int ACCT_INPUT_OCTETS = 42;
    static final int ACCT_OUTPUT_OCTETS = 43;
    static final int ACCT_SESSION_ID = 44;
    static final int ACCT_SESSION_TIME = 46;
    static final int ACCT_TERMINATE_CAUSE = 49;
    static final int ACCT_INPUT_GIGAWORDS = 52;
    static final int ACCT_OUTPUT_GIGAWORDS = 53;
    static final int CHAP_CHALLENGE = 60;
    static final int TUNNEL_TYPE = 64;
    static final int TUNNEL_MEDIUM_TYPE = 65;
    static final int TUNNEL_PASSWORD = 69;
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    static final int ACCT_INTERIM_INTERVAL = 85;
    static final int ERROR_CAUSE = 101;

    static final int VENDOR_WISPR = 14122;
    static final int WISPR_BANDWIDTH_MAX_UP = 7;
    static final int WISPR_BANDWIDTH_MAX_DOWN = 8;
    static final int VENDOR_MIKROTIK = 14988;
    static final int MIKROTIK_RATE_LIMIT = 8;
    static final int MIKROTIK_WIRELESS_PSK = 16;
    static final int VENDOR_CISCO = 9;
    static final int CISCO_AVPAIR = 1;
    static final int VENDOR_RUCKUS = 25053;
    static final int RUCKUS_SSID = 3;
    static final int RUCKUS_BSSID = 14;
    static final int RUCKUS_DPSK_PARAMS = 153;
    static final int RUCKUS_DPSK_ANONCE = 3;
    static final int RUCKUS_DPSK_EAPOL_KEY_FRAME = 4;
    static final int VENDOR_MICROSOFT = 311;
    static final int MS_MPPE_RECV_KEY = 17;
    static final int VENDOR_ARUBA = 14823;
    static final int ARUBA_MPSK_PASSPHRASE = 44;

    static final Dictionary DICTIONARY = loadDictionary();

    private RadiusCodec() {
    }

    private static Dictionary loadDictionary() {
        try {
            WritableDictionary standard = DictionaryParser.newClasspathParser().parseDictionary("org/tinyradius/core/dictionary/default_dictionary");
            return new ResourceParser(standard, ClasspathResourceResolver.INSTANCE).parseDictionary("io/portico/radius/dictionary");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RADIUS dictionary", e);
        }
    }

    /**
     * Parses a datagram into a request. Empty for anything malformed: shorter than a header, a
     * length field outside 20..4096 or beyond the datagram, or attributes that overrun the packet.
     * Octets past the length field are padding and ignored (RFC 2865 §3).
     */
    static Optional<RadiusRequest> parse(byte[] datagram, int size) {
        if (size < HEADER || size > MAX_PACKET) {
            return Optional.empty();
        }
        int length = declaredLength(datagram);
        if (length < HEADER || length > size || !attributesWellFormed(datagram, length)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RadiusRequest.fromByteBuf(DICTIONARY, Unpooled.wrappedBuffer(datagram, 0, length)));
        } catch (RadiusPacketException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The verified request, with encrypted attributes decoded: what the library's
     * {@code decodeRequest} returns. Two common cases are checked here in one pass over the
     * datagram, as the library would, because the library re-creates the packet several times,
     * re-encodes every attribute to hash it and looks up its digest provider on every call:
     * <ul>
     * <li>an Access-Request without password, CHAP, EAP or encrypted and vendor attributes (MAC
     * authentication): at most one Message-Authenticator, 16 octets, HMAC-MD5 over the packet with
     * it zeroed;</li>
     * <li>an Accounting-Request without encrypted, vendor or Message-Authenticator attributes: the
     * Request Authenticator is MD5 over the packet with its authenticator zeroed, then the
     * secret (RFC 2866 §3).</li>
     * </ul>
     * Anything else goes to the library.
     */
    static RadiusRequest decode(RadiusRequest request, byte[] datagram, String secret) throws RadiusPacketException {
        if (request instanceof AccountingRequest && plainAttributes(request)
                && valueOrNull(request, MESSAGE_AUTHENTICATOR) == null) {
            verifyAccountingAuthenticator(datagram, secret);
            return request;
        }
        if (!(request instanceof AccessRequestNoAuth) || !plainAttributes(request)) {
            return request.decodeRequest(secret);
        }
        int length = declaredLength(datagram);
        int messageAuthenticator = -1;
        for (int at = HEADER; at < length; at += datagram[at + 1] & 0xFF) {
            if (datagram[at] == MESSAGE_AUTHENTICATOR) {
                if (messageAuthenticator >= 0) {
                    throw new RadiusPacketException("Message-Authenticator check failed - should have at most one count, has 2");
                }
                if ((datagram[at + 1] & 0xFF) != 18) {
                    throw new RadiusPacketException("Message-Authenticator check failed - must be 16 octets");
                }
                messageAuthenticator = at + 2;
            }
        }
        if (messageAuthenticator < 0) {
            return request;
        }
        byte[] signed = java.util.Arrays.copyOf(datagram, length);
        java.util.Arrays.fill(signed, messageAuthenticator, messageAuthenticator + 16, (byte) 0);
        byte[] expected = hmacMd5(secret.getBytes(StandardCharsets.UTF_8), signed);
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(datagram, messageAuthenticator, messageAuthenticator + 16))) {
            throw new RadiusPacketException("Message-Authenticator check failed");
        }
        return request;
    }

    /** RFC 2866 §3: the Request Authenticator is MD5 over the packet with it zeroed, then the secret. */
    private static void verifyAccountingAuthenticator(byte[] datagram, String secret) throws RadiusPacketException {
        int length = declaredLength(datagram);
        MessageDigest md5 = newMd5();
        md5.update(datagram, 0, 4);
        md5.update(ZERO_AUTHENTICATOR);
        md5.update(datagram, HEADER, length - HEADER);
        md5.update(secret.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(md5.digest(), java.util.Arrays.copyOfRange(datagram, 4, HEADER))) {
            throw new RadiusPacketException("Authenticator check failed");
        }
    }

    /** The Length field of a datagram at least a header long. */
    private static int declaredLength(byte[] datagram) {
        return ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
    }

    private static final byte[] ZERO_AUTHENTICATOR = new byte[16];

    /** No attribute the library would decode (encrypted ones, or vendor attributes that may hold some). */
    private static boolean plainAttributes(RadiusRequest request) {
        List<RadiusAttribute> attributes = request.getAttributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.isEncoded() || a instanceof VendorSpecificAttribute) {
                return false;
            }
        }
        return true;
    }

    private static boolean attributesWellFormed(byte[] p, int length) {
        int at = HEADER;
        while (at < length) {
            if (at + 2 > length) {
                return false;
            }
            int attrLength = p[at + 1] & 0xFF;
            if (attrLength < 2 || at + attrLength > length) {
                return false;
            }
            at += attrLength;
        }
        return true;
    }

    /** The value of the first vendor-specific attribute of the vendor and type (one-octet types and lengths). */
    static Optional<byte[]> vendorOctets(RadiusRequest request, int vendorId, int type) {
        List<RadiusAttribute> attributes = request.getAttributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            if (attributes.get(i) instanceof VendorSpecificAttribute vsa && vsa.getChildVendorId() == vendorId) {
                for (RadiusAttribute sub : vsa.getAttributes()) {
                    if (sub.getType() == type) {
                        return Optional.of(sub.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The WPA handshake of a Ruckus dynamic-PSK request: Ruckus-DPSK-Params (a TLV of AKM suite,
     * cipher, ANonce and EAPOL-Key frame), the SSID from Ruckus-SSID or else Called-Station-Id's
     * {@code BSSID:SSID}, the access point's MAC from Ruckus-BSSID or else Called-Station-Id, and
     * the device's MAC. Empty when any of it is missing or malformed.
     */
    static Optional<io.portico.radius.WpaHandshake> handshake(RadiusRequest request, io.portico.guest.MacAddress device) {
        Optional<byte[]> params = vendorOctets(request, VENDOR_RUCKUS, RUCKUS_DPSK_PARAMS);
        if (params.isEmpty()) {
            return Optional.empty();
        }
        byte[] tlv = params.get();
        byte[] aNonce = null;
        byte[] frame = null;
        for (int at = 0; at + 2 <= tlv.length; ) {
            int length = tlv[at + 1] & 0xFF;
            if (length < 2 || at + length > tlv.length) {
                return Optional.empty();
            }
            if (tlv[at] == RUCKUS_DPSK_ANONCE) {
                aNonce = java.util.Arrays.copyOfRange(tlv, at + 2, at + length);
            } else if (tlv[at] == RUCKUS_DPSK_EAPOL_KEY_FRAME) {
                frame = java.util.Arrays.copyOfRange(tlv, at + 2, at + length);
            }
            at += length;
        }
        String called = string(request, CALLED_STATION_ID).orElse("");
        int colon = macEnd(called);
        String ssid = vendorOctets(request, VENDOR_RUCKUS, RUCKUS_SSID).map(v -> new String(v, StandardCharsets.UTF_8))
                .orElse(colon < 0 ? "" : called.substring(colon + 1));
        Optional<byte[]> apMac = vendorOctets(request, VENDOR_RUCKUS, RUCKUS_BSSID).filter(v -> v.length == 6)
                .or(() -> io.portico.guest.MacAddress.tryParse(colon < 0 ? called : called.substring(0, colon)).map(RadiusCodec::macOctets));
        try {
            return apMac.isEmpty() || aNonce == null || frame == null ? Optional.empty()
                    : Optional.of(new io.portico.radius.WpaHandshake(ssid, apMac.get(), macOctets(device), aNonce, frame));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Where a Called-Station-Id's MAC ends when an SSID follows ({@code BSSID:SSID}, RFC 3580 §3.20), else -1. */
    private static int macEnd(String called) {
        for (int end : new int[] {17, 14, 12}) {
            if (called.length() > end && called.charAt(end) == ':'
                    && io.portico.guest.MacAddress.tryParse(called.substring(0, end)).isPresent()) {
                return end;
            }
        }
        return -1;
    }

    static byte[] macOctets(io.portico.guest.MacAddress mac) {
        return java.util.HexFormat.ofDelimiter("-").parseHex(mac.value());
    }

    static Optional<String> string(RadiusRequest request, int type) {
        byte[] v = valueOrNull(request, type);
        return v == null ? Optional.empty() : Optional.of(new String(v, StandardCharsets.UTF_8));
    }

    static Optional<byte[]> octets(RadiusRequest request, int type) {
        return Optional.ofNullable(valueOrNull(request, type));
    }

    /** An unsigned 32-bit integer attribute; empty when absent or not four octets. */
    static Optional<Long> integer(RadiusRequest request, int type) {
        byte[] v = valueOrNull(request, type);
        return v == null || v.length != 4 ? Optional.empty()
                : Optional.of(((v[0] & 0xFFL) << 24) | ((v[1] & 0xFFL) << 16) | ((v[2] & 0xFFL) << 8) | (v[3] & 0xFFL));
    }

    static Optional<String> ipv4(RadiusRequest request, int type) {
        byte[] v = valueOrNull(request, type);
        return v == null || v.length != 4 ? Optional.empty()
                : Optional.of((v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF) + "." + (v[3] & 0xFF));
    }

    /**
     * The value of the first attribute of the type, or null: a plain loop, because the library's
     * {@code getAttribute(int)} filters the whole list through a stream into a new list on every
     * call, and every request asks for several attributes.
     */
    private static byte @Nullable [] valueOrNull(RadiusRequest request, int type) {
        List<RadiusAttribute> attributes = request.getAttributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.getType() == type) {
                return a.getValue();
            }
        }
        return null;
    }

    /** The request's attributes of the type, in order (Proxy-State, Message-Authenticator); see {@link #valueOrNull}. */
    private static List<RadiusAttribute> all(RadiusRequest request, int type) {
        List<RadiusAttribute> attributes = request.getAttributes();
        List<RadiusAttribute> found = null;
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.getType() == type) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(a);
            }
        }
        return found == null ? List.of() : found;
    }

    static RadiusAttribute attribute(int type, byte[] value) {
        return DICTIONARY.createAttribute(-1, type, value);
    }

    static RadiusAttribute attribute(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    static RadiusAttribute integerAttribute(int type, long value) {
        return attribute(type, int32(value));
    }

    /** A tagged integer (RFC 2868): the tag octet replaces the top octet of the value. */
    static RadiusAttribute taggedInteger(int type, int tag, int value) {
        byte[] v = int32(value);
        v[0] = (byte) tag;
        return attribute(type, v);
    }

    static RadiusAttribute vendor(int vendorId, int type, byte[] value) {
        return new VendorSpecificAttribute(DICTIONARY, vendorId, List.of(DICTIONARY.createAttribute(vendorId, type, value)));
    }

    static byte[] int32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /**
     * A reply to {@code request}: Message-Authenticator first (RFC 3579), then {@code attributes}, then the request's Proxy-State attributes in order
     * (RFC 2865 §5.33), and finally the Response Authenticator.
     */
    static byte[] reply(byte code, RadiusRequest request, List<RadiusAttribute> attributes, String secret) {
        Encoder encoded = new Encoder();
        for (RadiusAttribute a : attributes) {
            encoded.raw(a.toByteArray());
        }
        return reply(code, request, encoded, secret);
    }

    /** {@link #reply(byte, RadiusRequest, List, String)} for attributes already on the wire. */
    static byte[] reply(byte code, RadiusRequest request, Encoder attributes, String secret) {
        byte[] requestAuthenticator = request.getAuthenticator();
        List<RadiusAttribute> proxyStates = all(request, PROXY_STATE);
        List<byte[]> proxyBytes = new ArrayList<>(proxyStates.size());
        int proxyLength = 0;
        for (RadiusAttribute proxyState : proxyStates) {
            byte[] bytes = proxyState.toByteArray();
            proxyBytes.add(bytes);
            proxyLength += bytes.length;
        }
        int length = HEADER + 18 + attributes.length() + proxyLength;
        if (length > MAX_PACKET) {
            throw new IllegalArgumentException("reply longer than 4096 octets");
        }
        byte[] packet = new byte[length];
        packet[0] = code;
        packet[1] = request.getId();
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        packet[HEADER] = MESSAGE_AUTHENTICATOR;
        packet[HEADER + 1] = 18;
        int at = attributes.copyTo(packet, HEADER + 18);
        for (byte[] bytes : proxyBytes) {
            System.arraycopy(bytes, 0, packet, at, bytes.length);
            at += bytes.length;
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        // Access replies sign over the request's authenticator (RFC 3579 §3.2); accounting replies,
        // like accounting requests, over sixteen zero octets, as FreeRADIUS computes and checks it.
        if (code != ACCOUNTING_RESPONSE) {
            System.arraycopy(requestAuthenticator, 0, packet, 4, 16);
        }
        System.arraycopy(hmacMd5(secretBytes, packet), 0, packet, HEADER + 2, 16);
        System.arraycopy(requestAuthenticator, 0, packet, 4, 16);
        System.arraycopy(md5(packet, secretBytes), 0, packet, 4, 16);
        return packet;
    }

    /**
     * Reply attributes written straight to their wire form (RFC 2865 §5, vendor-specific ones as
     * §5.26 with one-octet vendor types and lengths, as WISPr and Mikrotik use). Every accepted
     * request needs five or six of them; building them as library attribute objects cost more
     * than the rest of the reply.
     */
    static final class Encoder {

        private byte[] bytes = new byte[128];
        private int length;

        Encoder integer(int type, long value) {
            return octets(type, int32(value));
        }

        /** A tagged integer (RFC 2868): the tag octet replaces the top octet of the value. */
        Encoder taggedInteger(int type, int tag, int value) {
            byte[] v = int32(value);
            v[0] = (byte) tag;
            return octets(type, v);
        }

        Encoder string(int type, String value) {
            return octets(type, value.getBytes(StandardCharsets.UTF_8));
        }

        Encoder octets(int type, byte[] value) {
            if (value.length > 253) {
                throw new IllegalArgumentException("attribute " + type + " longer than 253 octets");
            }
            ensure(2 + value.length);
            bytes[length++] = (byte) type;
            bytes[length++] = (byte) (2 + value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        Encoder vendor(int vendorId, int type, byte[] value) {
            if (value.length > 247) {
                throw new IllegalArgumentException("vendor attribute " + vendorId + "/" + type + " longer than 247 octets");
            }
            ensure(8 + value.length);
            bytes[length++] = 26;
            bytes[length++] = (byte) (8 + value.length);
            bytes[length++] = (byte) (vendorId >>> 24);
            bytes[length++] = (byte) (vendorId >>> 16);
            bytes[length++] = (byte) (vendorId >>> 8);
            bytes[length++] = (byte) vendorId;
            bytes[length++] = (byte) type;
            bytes[length++] = (byte) (2 + value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        Encoder raw(byte[] attribute) {
            ensure(attribute.length);
            System.arraycopy(attribute, 0, bytes, length, attribute.length);
            length += attribute.length;
            return this;
        }

        int length() {
            return length;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, length);
        }

        /** The attributes as library objects (for tests and logs). */
        List<RadiusAttribute> attributes() {
            return org.tinyradius.core.attribute.AttributeHolder.readAttributes(DICTIONARY, -1, Unpooled.wrappedBuffer(bytes, 0, length));
        }

        private int copyTo(byte[] target, int at) {
            System.arraycopy(bytes, 0, target, at, length);
            return at + length;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Whether the Access-Request carries exactly one 16-octet Message-Authenticator. */
    static boolean hasMessageAuthenticator(RadiusRequest request) {
        List<RadiusAttribute> found = all(request, MESSAGE_AUTHENTICATOR);
        return found.size() == 1 && found.getFirst().getValue().length == 16;
    }

    /**
     * HMAC-MD5 (RFC 2104) on a cloned MD5 rather than {@code Mac.getInstance}: the provider lookup
     * and key setup cost more than the hash for a RADIUS packet, and a ThreadLocal would not help
     * on the listener's one-task virtual threads.
     */
    static byte[] hmacMd5(byte[] key, byte[] data) {
        byte[] k = key.length > 64 ? md5(key) : key;
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        System.arraycopy(k, 0, inner, 0, k.length);
        System.arraycopy(k, 0, outer, 0, k.length);
        for (int i = 0; i < 64; i++) {
            inner[i] ^= 0x36;
            outer[i] ^= 0x5c;
        }
        MessageDigest md5 = newMd5();
        md5.update(inner);
        md5.update(data);
        byte[] innerHash = md5.digest();
        md5.update(outer);
        md5.update(innerHash);
        return md5.digest();
    }

    /**
     * RFC 2868 §3.5 (Tunnel-Password; Aruba-MPSK-Passphrase the same way): the salt (two octets,
     * the first with its high bit set), then the length octet, the value and zero padding to a
     * multiple of 16, each 16-octet block XORed with MD5(secret ‖ previous block), the first
     * "previous block" being the Request Authenticator ‖ salt.
     */
    static byte[] saltEncrypt(byte[] value, byte[] secret, byte[] requestAuthenticator, byte[] salt) {
        if (salt.length != 2 || (salt[0] & 0x80) == 0) {
            throw new IllegalArgumentException("the salt is two octets, the first with its high bit set");
        }
        int blocks = (value.length + 1 + 15) / 16;
        byte[] out = new byte[2 + blocks * 16];
        out[0] = salt[0];
        out[1] = salt[1];
        out[2] = (byte) value.length;
        System.arraycopy(value, 0, out, 3, value.length);
        byte[] b = md5(secret, requestAuthenticator, salt);
        for (int block = 0; block < blocks; block++) {
            int at = 2 + block * 16;
            for (int i = 0; i < 16; i++) {
                out[at + i] ^= b[i];
            }
            b = md5(secret, java.util.Arrays.copyOfRange(out, at, at + 16));
        }
        return out;
    }

    static byte[] md5(byte[]... parts) {
        MessageDigest md5 = newMd5();
        for (byte[] part : parts) {
            md5.update(part);
        }
        return md5.digest();
    }

    private static final MessageDigest MD5_PROTOTYPE = md5Prototype();

    private static MessageDigest md5Prototype() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return md5Prototype();
        }
    }
}
