package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.portico.radius.DpskProperties;
import io.portico.radius.WpaHandshake;
import io.portico.subscription.VenueKey;

/**
 * Ruckus dynamic PSK: finds which of a venue's keys produced a handshake, as FreeRADIUS's
 * rlm_dpsk does with its key file. PBKDF2 makes a PMK cost about a millisecond, so PMKs are kept
 * in memory (least recently used first out, keyed by a hash of SSID and key, so a rotated key
 * never matches its old PMK), and one look-up tries the device's own subscription first, then
 * every cached PMK, and derives only a bounded number of new ones; the rest are derived by the
 * access point's retries. Each access point (NAS client) may start a bounded number of look-ups
 * a second.
 */
@Component
class DpskSearch {

    /** A key that produced the handshake, with its PMK. */
    record Match(long subscriptionId, byte[] pmk) {
    }

    sealed interface Outcome {
        record Found(Match match) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record RateLimited() implements Outcome {
        }
    }

    private final DpskProperties properties;
    private final Clock clock;
    private final Map<String, byte[]> pmks;
    private final ConcurrentHashMap<Long, long[]> windows = new ConcurrentHashMap<>();

    DpskSearch(DpskProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        int capacity = properties.pmkCacheSize();
        this.pmks = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        });
    }

    Outcome find(long nasClientId, WpaHandshake handshake, Optional<Long> bound, Supplier<List<VenueKey>> venueKeys) {
        if (!admit(nasClientId)) {
            return new Outcome.RateLimited();
        }
        if (handshake.descriptorVersion() != 2) {
            return new Outcome.NotFound(); // only HMAC-SHA1 MICs (AES-CCMP), as rlm_dpsk
        }
        List<VenueKey> keys = venueKeys.get();
        List<VenueKey> uncached = new ArrayList<>();
        List<VenueKey> ordered = new ArrayList<>(keys.size());
        bound.ifPresent(id -> keys.stream().filter(k -> k.subscriptionId() == id).forEach(ordered::add));
        keys.stream().filter(k -> bound.isEmpty() || k.subscriptionId() != bound.get()).forEach(ordered::add);
        int derivations = 0;
        for (VenueKey key : ordered) {
            String cacheKey = cacheKey(handshake.ssid(), key.psk());
            byte[] pmk = pmks.get(cacheKey);
            boolean first = bound.isPresent() && key.subscriptionId() == bound.get();
            if (pmk == null && first) {
                pmk = derive(cacheKey, key, handshake.ssid());
                derivations++;
            }
            if (pmk == null) {
                uncached.add(key);
            } else if (Wpa.produced(pmk, handshake)) {
                return new Outcome.Found(new Match(key.subscriptionId(), pmk));
            }
        }
        for (VenueKey key : uncached) {
            if (derivations++ >= properties.maxDerivationsPerRequest()) {
                break;
            }
            byte[] pmk = derive(cacheKey(handshake.ssid(), key.psk()), key, handshake.ssid());
            if (Wpa.produced(pmk, handshake)) {
                return new Outcome.Found(new Match(key.subscriptionId(), pmk));
            }
        }
        return new Outcome.NotFound();
    }

    private byte[] derive(String cacheKey, VenueKey key, String ssid) {
        byte[] pmk = Wpa.pmk(key.psk(), ssid);
        pmks.put(cacheKey, pmk);
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

    private static String cacheKey(String ssid, String psk) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ssid.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(psk.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
