package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tinyradius.core.attribute.type.RadiusAttribute;

import io.portico.radius.AccessGrant;
import io.portico.radius.Speed;
import io.portico.radius.Vlan;

class ReplyStepTest {

    @Test
    void writesMikrotikRatesAsUploadSlashDownload() {
        assertThat(ReplyStep.mikrotikRateLimit(new Speed(10_000_000, 100_000_000))).isEqualTo("10M/100M");
        assertThat(ReplyStep.mikrotikRateLimit(new Speed(512_000, 1_500_000))).isEqualTo("512k/1500k");
        assertThat(ReplyStep.mikrotikRateLimit(new Speed(1234, 5678))).isEqualTo("1234/5678");
    }

    @Test
    void sendsDynamicVlanAsRfc3580TunnelAttributes() {
        List<RadiusAttribute> reply = ReplyStep.accept(AccessGrant.unlimited().withVlan(new Vlan(120)));
        assertThat(reply).extracting(RadiusAttribute::getType).containsExactly(64, 65, 81);
        assertThat(reply.get(0).getValue()).containsExactly(0, 0, 0, 13);
        assertThat(reply.get(1).getValue()).containsExactly(0, 0, 0, 6);
        assertThat(new String(reply.get(2).getValue())).isEqualTo("120");
    }

    @Test
    void sendsOnlyWhatTheGrantLimits() {
        assertThat(ReplyStep.accept(AccessGrant.unlimited())).isEmpty();
        assertThat(ReplyStep.accept(AccessGrant.unlimited().withSessionTimeout(Duration.ofMinutes(90))))
                .singleElement().satisfies(a -> {
                    assertThat(a.getType()).isEqualTo(27);
                    assertThat(a.getValue()).containsExactly(0, 0, 0x15, 0x18);
                });
    }

    private static byte[] libraryBytes(RadiusAttribute... attributes) {
        var out = new java.io.ByteArrayOutputStream();
        for (RadiusAttribute a : attributes) {
            out.writeBytes(a.toByteArray());
        }
        return out.toByteArray();
    }

    @Test
    void writesTheSameOctetsAsTheLibraryWould() {
        AccessGrant grant = AccessGrant.unlimited().withSessionTimeout(Duration.ofSeconds(3600)).withIdleTimeout(Duration.ofMinutes(10))
                .withInterimInterval(Duration.ofMinutes(5)).withSpeed(new Speed(2_000_000, 4_294_967_295L)).withVlan(new Vlan(4094));
        assertThat(ReplyStep.encodeAccept(grant).toByteArray()).isEqualTo(libraryBytes(
                RadiusCodec.integerAttribute(RadiusCodec.SESSION_TIMEOUT, 3600),
                RadiusCodec.integerAttribute(RadiusCodec.IDLE_TIMEOUT, 600),
                RadiusCodec.integerAttribute(RadiusCodec.ACCT_INTERIM_INTERVAL, 300),
                RadiusCodec.vendor(RadiusCodec.VENDOR_WISPR, RadiusCodec.WISPR_BANDWIDTH_MAX_UP, RadiusCodec.int32(2_000_000)),
                RadiusCodec.vendor(RadiusCodec.VENDOR_WISPR, RadiusCodec.WISPR_BANDWIDTH_MAX_DOWN, RadiusCodec.int32(4_294_967_295L)),
                RadiusCodec.vendor(RadiusCodec.VENDOR_MIKROTIK, RadiusCodec.MIKROTIK_RATE_LIMIT, "2M/4294967295".getBytes()),
                RadiusCodec.taggedInteger(RadiusCodec.TUNNEL_TYPE, 0, 13),
                RadiusCodec.taggedInteger(RadiusCodec.TUNNEL_MEDIUM_TYPE, 0, 6),
                RadiusCodec.attribute(RadiusCodec.TUNNEL_PRIVATE_GROUP_ID, "4094")));
        assertThat(ReplyStep.encodeReject("Unknown device.").toByteArray())
                .isEqualTo(libraryBytes(RadiusCodec.attribute(RadiusCodec.REPLY_MESSAGE, "Unknown device.")));
        assertThat(ReplyStep.accept(grant)).extracting(RadiusAttribute::getType).containsExactly(27, 28, 85, 26, 26, 26, 64, 65, 81);
    }

    @Test
    void signsTheSameReplyFromEncodedOctetsAsFromAttributes() {
        byte[] datagram = TestRadius.accessRequest("s3cret", (byte) 42, java.util.Optional.empty(),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "02-00-00-00-00-01"),
                RadiusCodec.attribute(RadiusCodec.PROXY_STATE, "proxy-1"), RadiusCodec.attribute(RadiusCodec.PROXY_STATE, "proxy-2"));
        var request = RadiusCodec.parse(datagram, datagram.length).orElseThrow();
        AccessGrant grant = AccessGrant.unlimited().withSessionTimeout(Duration.ofMinutes(90)).withSpeed(new Speed(1_000_000, 5_000_000));
        byte[] encoded = RadiusCodec.reply(RadiusCodec.ACCESS_ACCEPT, request, ReplyStep.encodeAccept(grant), "s3cret");
        assertThat(encoded).isEqualTo(RadiusCodec.reply(RadiusCodec.ACCESS_ACCEPT, request, ReplyStep.accept(grant), "s3cret"));
        byte[] tail = "proxy-2".getBytes();
        assertThat(java.util.Arrays.copyOfRange(encoded, encoded.length - tail.length, encoded.length)).isEqualTo(tail);
    }

    @Test
    void refusesAttributesLongerThanOneAttributeCanCarry() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplyStep.encodeReject("x".repeat(254)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReplyStep.encodeReject("x".repeat(253)).length()).isEqualTo(255);
    }
}
