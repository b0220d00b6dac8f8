package io.portico.radius.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.portico.radius.persistence.NasClientRepository;
import io.portico.radius.persistence.NasClientRepository.WithSecret;

/**
 * The NAS clients with their decrypted secrets, held in memory so a request costs no query. The
 * first step of every request: a source no client covers is dropped. Several clients may share
 * one address (a controller serving many hotspots); NAS-Identifier picks among them, then the
 * most specific network wins.
 */
@Component
public class NasClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(NasClientRegistry.class);

    private final NasClientRepository repository;
    private volatile List<WithSecret> clients = List.of();
    private volatile boolean loaded;

    NasClientRegistry(NasClientRepository repository) {
        this.repository = repository;
    }

    public Optional<WithSecret> find(InetAddress source, String nasIdentifier) {
        if (!loaded) {
            reload();
        }
        // Loops rather than streams: this runs for every datagram on both listeners.
        List<WithSecret> all = clients;
        @Nullable WithSecret only = null;
        int matching = 0;
        @Nullable WithSecret named = null;
        @Nullable WithSecret unnamed = null;
        for (int i = 0, n = all.size(); i < n; i++) {
            WithSecret c = all.get(i);
            if (!c.client().network().contains(source)) {
                continue;
            }
            matching++;
            only = c;
            String id = c.client().nasIdentifier();
            if (!nasIdentifier.isEmpty() && id.equals(nasIdentifier) && moreSpecific(c, named)) {
                named = c;
            }
            if (id.isEmpty() && moreSpecific(c, unnamed)) {
                unnamed = c;
            }
        }
        if (matching == 1 && (nasIdentifier.isEmpty() || only.client().nasIdentifier().isEmpty()
                || only.client().nasIdentifier().equals(nasIdentifier))) {
            return Optional.of(only);
        }
        return named != null ? Optional.of(named) : Optional.ofNullable(unnamed);
    }

    /** Like {@code Stream.max}: among equally specific networks the first one wins. */
    private static boolean moreSpecific(WithSecret candidate, @Nullable WithSecret best) {
        return best == null || candidate.client().network().prefixLength() > best.client().network().prefixLength();
    }

    /** A registered client by id, from the cache (the accounting sink needs its operator and hotspot for every report). */
    public Optional<io.portico.radius.NasClient> byId(long id) {
        if (!loaded) {
            reload();
        }
        Optional<io.portico.radius.NasClient> cached = clients.stream().map(WithSecret::client).filter(c -> c.id() == id).findFirst();
        return cached.isPresent() ? cached : repository.findWithSecret(id).map(WithSecret::client);
    }

    /** Reloads from the database; called after a client is added or removed, and periodically for other nodes' changes. */
    @Scheduled(fixedDelayString = "${portico.radius.client-refresh:30s}", initialDelayString = "${portico.radius.client-refresh:30s}")
    public synchronized void reload() {
        try {
            clients = List.copyOf(repository.allWithSecrets());
            loaded = true;
        } catch (RuntimeException e) {
            log.warn("Could not reload RADIUS clients, keeping {} cached: {}", clients.size(), e.toString());
        }
    }
}
