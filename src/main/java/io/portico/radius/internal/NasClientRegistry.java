package io.portico.radius.internal;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
        List<WithSecret> candidates = clients.stream().filter(c -> c.client().network().contains(source)).toList();
        if (candidates.size() == 1 && (nasIdentifier.isEmpty() || candidates.getFirst().client().nasIdentifier().isEmpty()
                || candidates.getFirst().client().nasIdentifier().equals(nasIdentifier))) {
            return Optional.of(candidates.getFirst());
        }
        Comparator<WithSecret> specific = Comparator.comparingInt(c -> c.client().network().prefixLength());
        Optional<WithSecret> named = candidates.stream()
                .filter(c -> !nasIdentifier.isEmpty() && c.client().nasIdentifier().equals(nasIdentifier)).max(specific);
        return named.isPresent() ? named : candidates.stream().filter(c -> c.client().nasIdentifier().isEmpty()).max(specific);
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
