package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.request.RadiusRequest;

/** Attribute reads and the MD5 signatures, as the listeners use them on every packet. */
class RadiusCodecTest {

    private static RadiusRequest accounting(RadiusAttribute... attributes) {
        byte[] datagram = TestRadius.accountingRequest("s3cret", (byte) 9, attributes);
        return RadiusCodec.parse(datagram, datagram.length).orElseThrow();
    }

    @Test
    void readsTheFirstAttributeOfATypeAsTheLibraryDoes() {
        RadiusRequest request = accounting(RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, "first"),
                RadiusCodec.vendor(RadiusCodec.VENDOR_WISPR, RadiusCodec.WISPR_BANDWIDTH_MAX_UP, RadiusCodec.int32(5)),
                RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, "second"),
                RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 0xFFFF_FFFEL),
                RadiusCodec.attribute(RadiusCodec.FRAMED_IP_ADDRESS, new byte[] {10, 0, (byte) 200, 1}),
                RadiusCodec.attribute(RadiusCodec.CALLED_STATION_ID, "abc"));
        assertThat(RadiusCodec.string(request, RadiusCodec.ACCT_SESSION_ID)).contains("first");
        assertThat(RadiusCodec.octets(request, RadiusCodec.ACCT_SESSION_ID)).hasValueSatisfying(
                v -> assertThat(v).isEqualTo("first".getBytes(StandardCharsets.UTF_8)));
        assertThat(RadiusCodec.integer(request, RadiusCodec.ACCT_STATUS_TYPE)).contains(0xFFFF_FFFEL);
        assertThat(RadiusCodec.ipv4(request, RadiusCodec.FRAMED_IP_ADDRESS)).contains("10.0.200.1");
        // wrong lengths and absent attributes are empty
        assertThat(RadiusCodec.ipv4(request, RadiusCodec.CALLED_STATION_ID)).isEmpty();
        assertThat(RadiusCodec.integer(request, RadiusCodec.CALLED_STATION_ID)).isEmpty();
        assertThat(RadiusCodec.string(request, RadiusCodec.USER_NAME)).isEmpty();
        assertThat(RadiusCodec.integer(request, RadiusCodec.ACCT_INPUT_OCTETS)).isEmpty();
        // a vendor-specific attribute is type 26, never its sub-attribute's number
        assertThat(RadiusCodec.octets(request, RadiusCodec.WISPR_BANDWIDTH_MAX_UP)).isEmpty();
        for (int type : new int[] {RadiusCodec.ACCT_SESSION_ID, RadiusCodec.ACCT_STATUS_TYPE, RadiusCodec.USER_NAME, 26}) {
            assertThat(RadiusCodec.octets(request, type).map(List::of).orElse(List.of()))
                    .usingRecursiveComparison().isEqualTo(request.getAttribute(type).map(RadiusAttribute::getValue).map(List::of).orElse(List.of()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 63, 64, 65, 200})
    void hmacMd5MatchesTheJdksForEverySecretLength(int keyLength) throws Exception {
        Random random = new Random(keyLength);
        byte[] key = new byte[keyLength];
        random.nextBytes(key);
        for (int dataLength : new int[] {0, 20, 64, 1000, 4096}) {
            byte[] data = new byte[dataLength];
            random.nextBytes(data);
            Mac jdk = Mac.getInstance("HmacMD5");
            jdk.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            assertThat(RadiusCodec.hmacMd5(key, data)).as("key %d, data %d", keyLength, dataLength).isEqualTo(jdk.doFinal(data));
        }
    }

    @Test
    void md5HashesThePartsInOrder() throws Exception {
        var jdk = java.security.MessageDigest.getInstance("MD5");
        jdk.update("abc".getBytes(StandardCharsets.US_ASCII));
        jdk.update("def".getBytes(StandardCharsets.US_ASCII));
        assertThat(RadiusCodec.md5("abc".getBytes(StandardCharsets.US_ASCII), "def".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(jdk.digest());
        assertThat(RadiusCodec.md5()).isEqualTo(java.security.MessageDigest.getInstance("MD5").digest());
    }

    private static byte[] macAuthentication(String secret) {
        return TestRadius.accessRequest(secret, (byte) 3, java.util.Optional.empty(),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "02-00-00-00-00-01"),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, "02-00-00-00-00-01"));
    }

    private static RadiusRequest decode(byte[] datagram, String secret) throws Exception {
        return RadiusCodec.decode(RadiusCodec.parse(datagram, datagram.length).orElseThrow(), datagram, secret);
    }

    @Test
    void verifiesMessageAuthenticatorOfMacAuthenticationAsTheLibraryDoes() throws Exception {
        byte[] datagram = macAuthentication("s3cret");
        RadiusRequest request = RadiusCodec.parse(datagram, datagram.length).orElseThrow();
        assertThat(request).isInstanceOf(org.tinyradius.core.packet.request.AccessRequestNoAuth.class);
        assertThat(RadiusCodec.hasMessageAuthenticator(request)).isTrue();
        RadiusRequest decoded = decode(datagram, "s3cret");
        assertThat(decoded.getAttributes()).usingRecursiveComparison().isEqualTo(request.decodeRequest("s3cret").getAttributes());
        assertThat(RadiusCodec.string(decoded, RadiusCodec.USER_NAME)).contains("02-00-00-00-00-01");

        assertThatThrownBy(() -> decode(datagram, "wrong")).isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
        assertThatThrownBy(() -> request.decodeRequest("wrong")).isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
        for (int i : new int[] {1, 4, 19, 25, datagram.length - 1}) { // code, authenticator, Message-Authenticator, attributes
            byte[] tampered = datagram.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> decode(tampered, "s3cret")).as("octet %d", i).isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
        }
    }

    @Test
    void refusesTwoMessageAuthenticatorsAndAcceptsNoneAsTheLibraryDoes() throws Exception {
        byte[] datagram = macAuthentication("s3cret");
        byte[] twice = java.util.Arrays.copyOf(datagram, datagram.length + 18);
        twice[datagram.length] = (byte) RadiusCodec.MESSAGE_AUTHENTICATOR;
        twice[datagram.length + 1] = 18;
        twice[3] = (byte) twice.length;
        twice[2] = (byte) (twice.length >>> 8);
        assertThatThrownBy(() -> decode(twice, "s3cret")).isInstanceOf(org.tinyradius.core.RadiusPacketException.class)
                .hasMessageContaining("at most one");

        byte[] none = TestRadius.accountingRequest("s3cret", (byte) 1, RadiusCodec.attribute(RadiusCodec.USER_NAME, "x"));
        none[0] = RadiusCodec.ACCESS_REQUEST; // an Access-Request without Message-Authenticator: nothing to verify
        RadiusRequest request = RadiusCodec.parse(none, none.length).orElseThrow();
        assertThat(RadiusCodec.decode(request, none, "s3cret")).isSameAs(request);
    }

    @Test
    void verifiesTheAccountingRequestAuthenticatorAsTheLibraryDoes() throws Exception {
        byte[] datagram = TestRadius.accountingRequest("s3cret", (byte) 9,
                RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 1),
                RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, "81000001"),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, "02-00-00-00-00-01"));
        RadiusRequest request = RadiusCodec.parse(datagram, datagram.length).orElseThrow();
        RadiusRequest decoded = decode(datagram, "s3cret");
        assertThat(decoded.getAttributes()).usingRecursiveComparison().isEqualTo(request.decodeRequest("s3cret").getAttributes());
        assertThat(RadiusCodec.string(decoded, RadiusCodec.ACCT_SESSION_ID)).contains("81000001");

        assertThatThrownBy(() -> decode(datagram, "wrong")).isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
        assertThatThrownBy(() -> request.decodeRequest("wrong")).isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
        for (int i = 1; i < datagram.length; i++) { // every octet but the code, which makes it another packet type
            byte[] tampered = datagram.clone();
            tampered[i] ^= 1;
            var parsed = RadiusCodec.parse(tampered, tampered.length);
            if (parsed.isPresent()) {
                assertThatThrownBy(() -> RadiusCodec.decode(parsed.get(), tampered, "s3cret")).as("octet %d", i)
                        .isInstanceOf(org.tinyradius.core.RadiusPacketException.class);
            }
        }
    }

    @Test
    void leavesPasswordsToTheLibrary() throws Exception {
        byte[] datagram = TestRadius.accessRequest("s3cret", (byte) 4, java.util.Optional.of("VOUCHER-1"),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "VOUCHER-1"));
        RadiusRequest decoded = decode(datagram, "s3cret");
        assertThat(decoded).isInstanceOfSatisfying(org.tinyradius.core.packet.request.AccessRequestPap.class,
                pap -> assertThat(pap.getPassword()).contains("VOUCHER-1"));
    }
}
