package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.portico.radius.AccountingSink;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;

/**
 * Bad input: 100,000+ random and mutated datagrams (truncated, oversized, wrong length fields,
 * broken and unknown attributes, flipped bits, garbage) to both listeners on 127.0.0.1. Afterwards
 * the server still answers valid requests. Bounded in count and in time.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusFuzzTest {

    private static final String SECRET = "fuzzing-secret-456";
    private static final int PACKETS = 100_000;

    @Autowired RadiusService radius;
    @Autowired NasClientRegistry registry;
    @Autowired AccountingSink sink;
    @Autowired RadiusMetrics metrics;
    @Autowired Clock clock;
    @Autowired Fixtures fixtures;

    private RadiusServer server;
    private String nas;

    @BeforeAll
    void start() {
        nas = "fuzz-" + Fixtures.unique();
        radius.register(NewNasClient.forHotspot(fixtures.operator().id(), "Fuzz", "127.0.0.1", nas, SECRET, 11));
        server = TestRadius.start(registry, sink, metrics, clock);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void survivesHundredThousandBadPacketsAndKeepsAnswering() {
        var random = new SplittableRandom(20240709);
        byte[] access = TestRadius.accessRequest(SECRET, (byte) 1, Optional.of("pw"),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "aabbcc000001"), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nas));
        byte[] accounting = TestRadius.accountingRequest(SECRET, (byte) 2, RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 1),
                RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, "fuzz"), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nas));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int sent = 0;
        try (var auth = new TestRadius.Udp(server.authPort(), Duration.ofMillis(1));
             var acct = new TestRadius.Udp(server.acctPort(), Duration.ofMillis(1))) {
            while (sent < PACKETS && System.nanoTime() < deadline) {
                boolean toAuth = random.nextBoolean();
                byte[] packet = mutate(random, toAuth ? access : accounting);
                (toAuth ? auth : acct).send(packet);
                sent++;
                if (sent % 2000 == 0) {
                    Thread.yield(); // gives the listener threads CPU time on a two-core machine
                }
            }
        }
        assertThat(sent).isEqualTo(PACKETS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var auth = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(1));
                 var acct = new TestRadius.Udp(server.acctPort(), Duration.ofSeconds(1))) {
                byte[] fresh = TestRadius.accessRequest(SECRET, (byte) 9, Optional.empty(),
                        RadiusCodec.attribute(RadiusCodec.USER_NAME, "aabbcc000001"), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nas));
                assertThat(auth.exchange(fresh)).hasValueSatisfying(r -> assertThat(r[0]).isEqualTo(RadiusCodec.ACCESS_ACCEPT));
                byte[] start = TestRadius.accountingRequest(SECRET, (byte) 10, RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 1),
                        RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, "after-fuzz-" + System.nanoTime()),
                        RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nas));
                assertThat(acct.exchange(start)).hasValueSatisfying(r -> assertThat(r[0]).isEqualTo(RadiusCodec.ACCOUNTING_RESPONSE));
            }
        });
        assertThat(metrics.droppedCount("auth", RadiusMetrics.Drop.MALFORMED) + metrics.droppedCount("acct", RadiusMetrics.Drop.MALFORMED))
                .isPositive();
    }

    private static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] p;
        switch (random.nextInt(8)) {
            case 0 -> { // pure garbage of any size, including oversized datagrams
                p = new byte[random.nextInt(5000)];
                random.nextBytes(p);
            }
            case 1 -> p = Arrays.copyOf(valid, random.nextInt(valid.length)); // truncated
            case 2 -> { // wrong length field
                p = valid.clone();
                int length = random.nextInt(65536);
                p[2] = (byte) (length >>> 8);
                p[3] = (byte) length;
            }
            case 3 -> { // flipped bits anywhere
                p = valid.clone();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 4 -> { // an attribute with a broken length octet
                p = Arrays.copyOf(valid, valid.length + 3);
                p[valid.length] = (byte) random.nextInt(256);
                p[valid.length + 1] = (byte) random.nextInt(3) ;
                fixLength(p);
            }
            case 5 -> { // unknown and vendor attributes with random content (not signed)
                int extra = 2 + random.nextInt(60);
                p = Arrays.copyOf(valid, valid.length + extra);
                p[valid.length] = (byte) (random.nextBoolean() ? 26 : 192 + random.nextInt(64));
                p[valid.length + 1] = (byte) extra;
                for (int i = valid.length + 2; i < p.length; i++) {
                    p[i] = (byte) random.nextInt(256);
                }
                fixLength(p);
            }
            case 6 -> { // a header only, with any code
                p = new byte[20];
                random.nextBytes(p);
                p[2] = 0;
                p[3] = 20;
            }
            default -> { // padding after a valid packet, over 4096 octets
                p = Arrays.copyOf(valid, 4097 + random.nextInt(100));
            }
        }
        return p;
    }

    private static void fixLength(byte[] p) {
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
    }
}
