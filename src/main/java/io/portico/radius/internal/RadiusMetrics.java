package io.portico.radius.internal;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the listeners ({@code /actuator/prometheus}): packets dropped by reason,
 * requests answered by result, duplicates answered from the cache, and reply latency.
 */
public final class RadiusMetrics {

    /** Why a packet was dropped without an answer. */
    public enum Drop {
        MALFORMED, WRONG_CODE, UNKNOWN_CLIENT, BAD_AUTHENTICATOR, MISSING_MESSAGE_AUTHENTICATOR, OVERLOAD, QUEUE_FULL, ERROR
    }

    public enum Result { ACCEPT, REJECT, ACCOUNTED }

    private final Map<String, Map<Drop, Counter>> drops = new java.util.HashMap<>();
    private final Map<String, Map<Result, Counter>> results = new java.util.HashMap<>();
    private final Map<String, Counter> duplicates = new java.util.HashMap<>();
    private final Map<String, Timer> latency = new java.util.HashMap<>();
    private final Counter batches;
    private final Counter writeFailures;

    public RadiusMetrics(MeterRegistry registry) {
        for (String listener : new String[] {"auth", "acct"}) {
            Map<Drop, Counter> d = new EnumMap<>(Drop.class);
            for (Drop drop : Drop.values()) {
                d.put(drop, Counter.builder("portico.radius.dropped").description("RADIUS packets dropped without an answer")
                        .tag("listener", listener).tag("reason", drop.name().toLowerCase()).register(registry));
            }
            drops.put(listener, d);
            Map<Result, Counter> r = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                r.put(result, Counter.builder("portico.radius.answered").description("RADIUS requests answered")
                        .tag("listener", listener).tag("result", result.name().toLowerCase()).register(registry));
            }
            results.put(listener, r);
            duplicates.put(listener, Counter.builder("portico.radius.duplicates").description("retransmissions answered from the cache")
                    .tag("listener", listener).register(registry));
            latency.put(listener, Timer.builder("portico.radius.latency").description("time from datagram to reply")
                    .tag("listener", listener).publishPercentiles(0.5, 0.99).register(registry));
        }
        batches = Counter.builder("portico.radius.accounting.batches").description("accounting group commits").register(registry);
        writeFailures = Counter.builder("portico.radius.accounting.write.failures")
                .description("accounting batches that failed and were retried").register(registry);
    }

    public void dropped(String listener, Drop reason) {
        drops.get(listener).get(reason).increment();
    }

    public double droppedCount(String listener, Drop reason) {
        return drops.get(listener).get(reason).count();
    }

    public void answered(String listener, Result result, long nanos) {
        results.get(listener).get(result).increment();
        latency.get(listener).record(java.time.Duration.ofNanos(nanos));
    }

    public void duplicate(String listener) {
        duplicates.get(listener).increment();
    }

    public double duplicateCount(String listener) {
        return duplicates.get(listener).count();
    }

    void batchWritten() {
        batches.increment();
    }

    void batchFailed() {
        writeFailures.increment();
    }
}
