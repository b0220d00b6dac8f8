package io.portico.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class NasNetworkTest {

    @Test
    void matchesAddressesInsideTheNetworkOnly() throws Exception {
        NasNetwork network = NasNetwork.parse("10.20.0.0/16");
        assertThat(network.contains(InetAddress.getByName("10.20.255.1"))).isTrue();
        assertThat(network.contains(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(network.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(NasNetwork.parse("10.20.30.40/16")).hasToString("10.20.0.0/16");
        assertThat(NasNetwork.parse("203.0.113.7")).hasToString("203.0.113.7");
        assertThat(NasNetwork.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8::1"))).isTrue();
    }

    @Test
    void comparesOnlyTheBitsOfAPrefixThatEndsInsideAByte() throws Exception {
        NasNetwork network = NasNetwork.parse("10.20.16.0/20");
        assertThat(network.contains(InetAddress.getByName("10.20.31.255"))).isTrue();
        assertThat(network.contains(InetAddress.getByName("10.20.32.0"))).isFalse();
        assertThat(network.contains(InetAddress.getByName("10.20.15.255"))).isFalse();
        assertThat(NasNetwork.parse("0.0.0.0/0").contains(InetAddress.getByName("198.51.100.9"))).isTrue();
        assertThat(NasNetwork.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(NasNetwork.parse("2001:db8:8000::/33").contains(InetAddress.getByName("2001:db8:7fff::1"))).isFalse();
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> NasNetwork.parse("gateway.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NasNetwork.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NasNetwork.parse("10.0.0.0/8/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
