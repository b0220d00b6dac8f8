package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
    private static final long OPERATOR = 7;
    private static final List<VenueKey> KEYS = List.of(new VenueKey(1, "First-Key-0001"), new VenueKey(2, "Second-Key-002"),
            new VenueKey(3, "Third-Key-0003"));

    private final TestClock clock = new TestClock();

    private static WpaHandshake handshake(String key, long seed) {
        TestHandshake h = TestHandshake.of(key, SSID, STATION, seed);
        return new WpaHandshake(SSID, TestHandshake.AP, STATION, h.aNonce(), h.frame());
    }

    private static void expect(DpskSearch search, long nas, WpaHandshake handshake, Class<?> outcome) {
        assertThat(search.find(nas, handshake, OPERATOR, Optional.empty(), () -> KEYS)).isInstanceOf(outcome);
    }

    @Test
    void derivesABoundedNumberOfPmksPerLookUpAndFindsTheRestFromTheCache() {
        var search = new DpskSearch(new DpskProperties(1, 100, 1000), clock);
        WpaHandshake third = handshake("Third-Key-0003", 1);
        expect(search, 10, third, DpskSearch.Outcome.NotFound.class);
        expect(search, 10, third, DpskSearch.Outcome.NotFound.class);
        var found = search.find(10, third, OPERATOR, Optional.empty(), () -> KEYS);
        assertThat(found).isInstanceOfSatisfying(DpskSearch.Outcome.Found.class,
                f -> assertThat(f.match().subscriptionId()).isEqualTo(3));
        // Every PMK is cached now: another handshake of any key is found in one look-up.
        assertThat(search.find(10, handshake("Second-Key-002", 2), OPERATOR, Optional.empty(), () -> KEYS))
                .isInstanceOf(DpskSearch.Outcome.Found.class);
    }

    @Test
    void triesTheDevicesOwnSubscriptionFirst() {
        var search = new DpskSearch(new DpskProperties(1, 100, 1000), clock);
        // The venue's keys are not even read when the bound key produced the handshake.
        assertThat(search.find(10, handshake("Third-Key-0003", 3), OPERATOR, Optional.of(KEYS.get(2)), () -> {
            throw new AssertionError("the venue's keys were read");
        })).isInstanceOf(DpskSearch.Outcome.Found.class);
        assertThat(search.derivations()).isEqualTo(1);
        assertThat(search.find(10, handshake("Third-Key-0003", 4), OPERATOR, Optional.of(KEYS.get(2)), List::of))
                .isInstanceOf(DpskSearch.Outcome.Found.class);
        assertThat(search.derivations()).as("the bound key's PMK is cached").isEqualTo(1);
    }

    @Test
    void aRotatedKeysCachedPmkNeverMatchesAndTheNewKeyIsFound() {
        var search = new DpskSearch(new DpskProperties(64, 100, 1000), clock);
        expectFound(search, handshake("Third-Key-0003", 5), KEYS, 3); // every PMK derived and cached
        List<VenueKey> rotated = List.of(KEYS.get(0), new VenueKey(2, "Rotated-Key-02"), KEYS.get(2));
        long derived = search.derivations();
        assertThat(search.find(10, handshake("Second-Key-002", 6), OPERATOR, Optional.empty(), () -> rotated))
                .isInstanceOf(DpskSearch.Outcome.NotFound.class);
        assertThat(search.derivations()).as("only the new key's PMK is derived").isEqualTo(derived + 1);
        expectFound(search, handshake("Rotated-Key-02", 7), rotated, 2);
        // Another operator's subscription with the same id and another key never gets this operator's PMKs.
        assertThat(search.find(10, handshake("Rotated-Key-02", 8), OPERATOR + 1, Optional.empty(),
                () -> List.of(new VenueKey(2, "Other-Operator-Key")))).isInstanceOf(DpskSearch.Outcome.NotFound.class);
    }

    private static void expectFound(DpskSearch search, WpaHandshake handshake, List<VenueKey> keys, long subscriptionId) {
        assertThat(search.find(10, handshake, OPERATOR, Optional.empty(), () -> keys)).isInstanceOfSatisfying(DpskSearch.Outcome.Found.class,
                f -> assertThat(f.match().subscriptionId()).isEqualTo(subscriptionId));
    }

    @Test
    void limitsLookUpsPerAccessPointPerSecond() {
        // Fixed mid-second: on real time the three look-ups could straddle a second and all be admitted.
        clock.fix(Instant.parse("2026-12-01T12:00:00.500Z"));
        var search = new DpskSearch(new DpskProperties(64, 2, 1000), clock);
        WpaHandshake wrong = handshake("Nobody-Has-This", 4);
        List<Class<?>> outcomes = java.util.stream.IntStream.range(0, 3)
                .<Class<?>>mapToObj(i -> search.find(10, wrong, OPERATOR, Optional.empty(), () -> KEYS).getClass()).toList();
        assertThat(outcomes).containsExactly(DpskSearch.Outcome.NotFound.class, DpskSearch.Outcome.NotFound.class,
                DpskSearch.Outcome.RateLimited.class);
        expect(search, 11, wrong, DpskSearch.Outcome.NotFound.class);
        clock.advance(Duration.ofSeconds(1));
        expect(search, 10, wrong, DpskSearch.Outcome.NotFound.class);
    }
}
