package io.portico.radius.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.platform.Caches;
import io.portico.radius.DpskProperties;
import io.portico.radius.WpaHandshake;
import io.portico.subscription.VenueKey;

/**
 * Ruckus dynamic PSK: finds which of a venue's keys produced a handshake, as FreeRADIUS's
 * rlm_dpsk does with its key file. PBKDF2 makes a PMK cost about a millisecond (the MIC check
 * with a known PMK is two HMACs), so PMKs are kept in memory per (operator, subscription, SSID)
 * with the key they came from (least recently used first out; a PMK is used only while its
 * subscription still has that key, so a rotated key never matches its old PMK). One look-up tries
 * the device's own subscription first, touching nothing else when it matches, then every venue key
 * whose PMK is cached, and derives only a bounded number of new ones; the rest are derived by the
 * access point's retries. Each access point (NAS client) may start a bounded number of look-ups
 * a second.
 */
@Component
class DpskSearch {

    /** A key that produced the handshake, with its PMK. */
    record Match(long subscriptionId, String psk, byte[] pmk) {

        /** Never prints the key or the PMK. */
        @Override
        public String toString() {
            return "Match[subscriptionId=" + subscriptionId + ", psk=***]";
        }
    }

    sealed interface Outcome {
        record Found(Match match) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record RateLimited() implements Outcome {
        }
    }

    private record PmkRef(long operatorId, long subscriptionId, String ssid) {
    }

    /** A PMK with the key it was derived from. */
    private record Pmk(String psk, byte[] pmk) {

        @Override
        public String toString() {
            return "Pmk[***]";
        }
    }

    private final DpskProperties properties;
    private final Clock clock;
    private final Cache<PmkRef, Pmk> pmks;
    private final AtomicLong derivations = new AtomicLong();
    private final ConcurrentHashMap<Long, long[]> windows = new ConcurrentHashMap<>();

    DpskSearch(DpskProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.pmks = Caches.builder().maximumSize(properties.pmkCacheSize()).build();
    }

    /**
     * @param bound the key of the subscription the device is bound to, when it is active at the venue
     * @param venueKeys the venue's keys active now (read only when the bound key did not match)
     */
    Outcome find(long nasClientId, WpaHandshake handshake, long operatorId, Optional<VenueKey> bound,
                 Supplier<List<VenueKey>> venueKeys) {
        if (!admit(nasClientId)) {
            return new Outcome.RateLimited();
        }
        if (handshake.descriptorVersion() != 2) {
            return new Outcome.NotFound(); // only HMAC-SHA1 MICs (AES-CCMP), as rlm_dpsk
        }
        String ssid = handshake.ssid();
        int budget = properties.maxDerivationsPerRequest();
        if (bound.isPresent()) {
            VenueKey key = bound.get();
            byte[] pmk = cached(operatorId, key, ssid);
            if (pmk == null) {
                pmk = derive(operatorId, key, ssid);
                budget--;
            }
            if (Wpa.produced(pmk, handshake)) {
                return new Outcome.Found(new Match(key.subscriptionId(), key.psk(), pmk));
            }
        }
        List<VenueKey> uncached = new ArrayList<>();
        for (VenueKey key : venueKeys.get()) {
            if (bound.isPresent() && key.subscriptionId() == bound.get().subscriptionId()) {
                continue;
            }
            byte[] pmk = cached(operatorId, key, ssid);
            if (pmk == null) {
                uncached.add(key);
            } else if (Wpa.produced(pmk, handshake)) {
                return new Outcome.Found(new Match(key.subscriptionId(), key.psk(), pmk));
            }
        }
        for (VenueKey key : uncached.subList(0, Math.max(0, Math.min(budget, uncached.size())))) {
            byte[] pmk = derive(operatorId, key, ssid);
            if (Wpa.produced(pmk, handshake)) {
                return new Outcome.Found(new Match(key.subscriptionId(), key.psk(), pmk));
            }
        }
        return new Outcome.NotFound();
    }

    /** PMKs derived so far (PBKDF2 runs). */
    long derivations() {
        return derivations.get();
    }

    private byte @Nullable [] cached(long operatorId, VenueKey key, String ssid) {
        Pmk pmk = pmks.getIfPresent(new PmkRef(operatorId, key.subscriptionId(), ssid));
        return pmk != null && pmk.psk().equals(key.psk()) ? pmk.pmk() : null;
    }

    private byte[] derive(long operatorId, VenueKey key, String ssid) {
        byte[] pmk = Wpa.pmk(key.psk(), ssid);
        derivations.incrementAndGet();
        pmks.put(new PmkRef(operatorId, key.subscriptionId(), ssid), new Pmk(key.psk(), pmk));
        return pmk;
    }

    /** A fixed one-second window per access point: at most {@code searchesPerSecondPerNas} look-ups start in it. */
    private boolean admit(long nasClientId) {
        long second = clock.millis() / 1000;
        long[] window = windows.computeIfAbsent(nasClientId, id -> new long[2]);
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            return ++window[1] <= properties.searchesPerSecondPerNas();
        }
    }
}
