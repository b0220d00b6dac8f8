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

    @Test
    void derivesOneUniqueSessionIdPerSessionAndNas() {
        String id = AccountingStep.uniqueId("S1", 1, "lobby", "10.0.0.1", "ssid", "AA-BB-CC-00-00-01");
        assertThat(id).hasSize(32).isEqualTo(AccountingStep.uniqueId("S1", 1, "lobby", "10.0.0.1", "ssid", "AA-BB-CC-00-00-01"));
        assertThat(id).isNotEqualTo(AccountingStep.uniqueId("S1", 2, "lobby", "10.0.0.1", "ssid", "AA-BB-CC-00-00-01"));
    }
}
