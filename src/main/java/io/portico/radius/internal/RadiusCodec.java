package io.portico.radius.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.WritableDictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.dictionary.parser.ResourceParser;
import org.tinyradius.core.dictionary.parser.resolver.ClasspathResourceResolver;
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
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    static final int ACCT_INTERIM_INTERVAL = 85;
    static final int ERROR_CAUSE = 101;

    static final int VENDOR_WISPR = 14122;
    static final int WISPR_BANDWIDTH_MAX_UP = 7;
    static final int WISPR_BANDWIDTH_MAX_DOWN = 8;
    static final int VENDOR_MIKROTIK = 14988;
    static final int MIKROTIK_RATE_LIMIT = 8;

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
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (length < HEADER || length > size || !attributesWellFormed(datagram, length)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RadiusRequest.fromByteBuf(DICTIONARY, Unpooled.wrappedBuffer(datagram, 0, length)));
        } catch (RadiusPacketException | RuntimeException malformed) {
            return Optional.empty();
        }
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

    static Optional<String> string(RadiusRequest request, int type) {
        return request.getAttribute(type).map(a -> new String(a.getValue(), StandardCharsets.UTF_8));
    }

    static Optional<byte[]> octets(RadiusRequest request, int type) {
        return request.getAttribute(type).map(RadiusAttribute::getValue);
    }

    /** An unsigned 32-bit integer attribute; empty when absent or not four octets. */
    static Optional<Long> integer(RadiusRequest request, int type) {
        return request.getAttribute(type).map(RadiusAttribute::getValue).filter(v -> v.length == 4)
                .map(v -> ((v[0] & 0xFFL) << 24) | ((v[1] & 0xFFL) << 16) | ((v[2] & 0xFFL) << 8) | (v[3] & 0xFFL));
    }

    static Optional<String> ipv4(RadiusRequest request, int type) {
        return request.getAttribute(type).map(RadiusAttribute::getValue).filter(v -> v.length == 4)
                .map(v -> (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF) + "." + (v[3] & 0xFF));
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
        byte[] requestAuthenticator = request.getAuthenticator();
        var body = Unpooled.buffer(256);
        body.writeByte(MESSAGE_AUTHENTICATOR).writeByte(18).writeZero(16);
        for (RadiusAttribute a : attributes) {
            body.writeBytes(a.toByteArray());
        }
        for (RadiusAttribute proxyState : request.filterAttributes(PROXY_STATE)) {
            body.writeBytes(proxyState.toByteArray());
        }
        int length = HEADER + body.readableBytes();
        if (length > MAX_PACKET) {
            throw new IllegalArgumentException("reply longer than 4096 octets");
        }
        byte[] packet = new byte[length];
        packet[0] = code;
        packet[1] = request.getId();
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        body.readBytes(packet, HEADER, body.readableBytes());
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

    /** Whether the Access-Request carries exactly one 16-octet Message-Authenticator. */
    static boolean hasMessageAuthenticator(RadiusRequest request) {
        List<RadiusAttribute> found = request.filterAttributes(MESSAGE_AUTHENTICATOR);
        return found.size() == 1 && found.getFirst().getValue().length == 16;
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
