package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.portico.radius.DpskProperties;
import io.portico.radius.WpaHandshake;
import io.portico.subscription.VenueKey;
import io.portico.support.TestClock;

class DpskSearchTest {

    private static final byte[] STATION = HexFormat.of().parseHex("02000000c001");
    private static final String SSID = "Tower";
    private static final List<VenueKey> KEYS = List.of(new VenueKey(1, "First-Key-0001"), new VenueKey(2, "Second-Key-002"),
            new VenueKey(3, "Third-Key-0003"));

    private final TestClock clock = new TestClock();

    private static WpaHandshake handshake(String key, long seed) {
        TestHandshake h = TestHandshake.of(key, SSID, STATION, seed);
        return new WpaHandshake(SSID, TestHandshake.AP, STATION, h.aNonce(), h.frame());
    }

    private static void expect(DpskSearch search, long nas, WpaHandshake handshake, Class<?> outcome) {
        assertThat(search.find(nas, handshake, Optional.empty(), () -> KEYS)).isInstanceOf(outcome);
    }

    @Test
    void derivesABoundedNumberOfPmksPerLookUpAndFindsTheRestFromTheCache() {
        var search = new DpskSearch(new DpskProperties(1, 100, 1000), clock);
        WpaHandshake third = handshake("Third-Key-0003", 1);
        expect(search, 10, third, DpskSearch.Outcome.NotFound.class);
        expect(search, 10, third, DpskSearch.Outcome.NotFound.class);
        var found = search.find(10, third, Optional.empty(), () -> KEYS);
        assertThat(found).isInstanceOfSatisfying(DpskSearch.Outcome.Found.class,
                f -> assertThat(f.match().subscriptionId()).isEqualTo(3));
        // Every PMK is cached now: another handshake of any key is found in one look-up.
        assertThat(search.find(10, handshake("Second-Key-002", 2), Optional.empty(), () -> KEYS))
                .isInstanceOf(DpskSearch.Outcome.Found.class);
    }

    @Test
    void triesTheDevicesOwnSubscriptionFirst() {
        var search = new DpskSearch(new DpskProperties(1, 100, 1000), clock);
        assertThat(search.find(10, handshake("Third-Key-0003", 3), Optional.of(3L), () -> KEYS))
                .isInstanceOf(DpskSearch.Outcome.Found.class);
    }

    @Test
    void limitsLookUpsPerAccessPointPerSecond() {
        var search = new DpskSearch(new DpskProperties(64, 2, 1000), clock);
        WpaHandshake wrong = handshake("Nobody-Has-This", 4);
        List<Class<?>> outcomes = java.util.stream.IntStream.range(0, 3)
                .<Class<?>>mapToObj(i -> search.find(10, wrong, Optional.empty(), () -> KEYS).getClass()).toList();
        assertThat(outcomes).containsExactly(DpskSearch.Outcome.NotFound.class, DpskSearch.Outcome.NotFound.class,
                DpskSearch.Outcome.RateLimited.class);
        expect(search, 11, wrong, DpskSearch.Outcome.NotFound.class);
        clock.advance(Duration.ofSeconds(1));
        expect(search, 10, wrong, DpskSearch.Outcome.NotFound.class);
    }
}
