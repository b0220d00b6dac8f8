package io.portico.connection;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.connection.internal.DeviceClassifier;
import io.portico.connection.persistence.ConnectionRepository;
import io.portico.connection.persistence.ConnectionRepository.SessionRow;
import io.portico.guest.GuestErased;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Caches;

/**
 * Entry point of the connection module. The RADIUS module writes accounting here
 * ({@link #record}, {@link #recordAll}); the guest API streams the connections report
 * ({@link #report}) and asks for a guest's last hotspot; the guest module's erasure event
 * anonymises a guest's sessions.
 */
@Service
public class ConnectionService {

    private final ConnectionRepository repository;
    private final HotspotService hotspots;
    private final GuestService guests;
    private final DeviceClassifier devices;
    private final ConnectionProperties properties;
    private final TransactionTemplate readOnly;
    private final SecureRandom random = new SecureRandom();

    ConnectionService(ConnectionRepository repository, HotspotService hotspots, GuestService guests,
                      DeviceClassifier devices, ConnectionProperties properties, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.hotspots = hotspots;
        this.guests = guests;
        this.devices = devices;
        this.properties = properties;
    }

    /** A device at a client: the key of {@link #guestIds}. */
    private record Device(long clientId, MacAddress mac) {
    }

    /**
     * Guest ids of devices accounting made guests (first seen), so their next packets skip the
     * write's guest look-up. A cached id can only go stale when its guest is erased: a local erasure evicts
     * it at once ({@link #on(GuestErased)}); one on another instance makes the next write of that
     * device fail its foreign key, which empties this cache, and the RADIUS writer retries the
     * batch with fresh ids.
     */
    private final Cache<Device, Long> guestIds = Caches.builder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    /**
     * Records one accounting packet (Start, Interim-Update or Stop) into its session, keyed by
     * {@link AccountingRecord#sessionId()}. Idempotent: a retransmitted or reordered packet never
     * lowers counters, and the first Stop's end time and cause stay. The device's guest is created
     * on first sight. {@link AccountingOutcome#UNKNOWN_HOTSPOT} when no hotspot has the NAS-Identifier.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public AccountingOutcome record(AccountingRecord packet) {
        return recordAll(List.of(packet)).getFirst();
    }

    /**
     * Records a batch of packets; outcomes are in the order of the packets. The sessions are written
     * by one statement (PostgreSQL; one JDBC batch elsewhere), which is atomic by itself: called
     * without a transaction, it commits on its own, in one round trip (the RADIUS writer's common
     * case); inside one, it joins it. The write itself finds the devices' guests; a device that is
     * not a guest yet (first seen) is stored without one, then becomes a guest (its own
     * transaction when none is active, with {@link io.portico.guest.GuestCreated}) and its sessions
     * are linked to it. Should that step fail, the next packet of the session links it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<AccountingOutcome> recordAll(List<AccountingRecord> packets) {
        List<AccountingOutcome> outcomes = new ArrayList<>(packets.size());
        List<AccountingRecord> known = new ArrayList<>();
        List<Long> clientIds = new ArrayList<>();
        List<Long> hotspotIds = new ArrayList<>();
        List<@Nullable Long> ids = new ArrayList<>();
        // A busy batch repeats the same hotspots (Start, Interim, Stop): look each up once.
        Map<String, Optional<Hotspot>> hotspotByNas = new HashMap<>();
        for (AccountingRecord packet : packets) {
            Optional<Hotspot> hotspot = hotspotByNas.computeIfAbsent(packet.operatorId() + "/" + packet.nasIdentifier(),
                    key -> hotspots.findByNasIdentifier(packet.operatorId(), packet.nasIdentifier()));
            if (hotspot.isEmpty()) {
                outcomes.add(AccountingOutcome.UNKNOWN_HOTSPOT);
                continue;
            }
            long clientId = hotspot.get().clientId();
            known.add(packet);
            clientIds.add(clientId);
            hotspotIds.add(hotspot.get().id());
            outcomes.add(AccountingOutcome.RECORDED);
        }
        for (int i = 0; i < known.size(); i++) {
            ids.add(guestIds.getIfPresent(new Device(clientIds.get(i), known.get(i).macAddress())));
        }
        if (known.isEmpty()) {
            return outcomes;
        }
        List<ConnectionRepository.Unlinked> unlinked;
        try {
            // Devices not in the cache are looked up by the write itself.
            unlinked = repository.merge(known, clientIds, hotspotIds, ids);
        } catch (DataIntegrityViolationException e) {
            guestIds.invalidateAll(); // a guest erased elsewhere: the caller's retry resolves afresh
            throw e;
        }
        if (!unlinked.isEmpty()) {
            // First seen: the devices become guests, and their sessions are linked to them.
            Map<Long, List<MacAddress>> byClient = new HashMap<>();
            unlinked.forEach(u -> byClient.computeIfAbsent(u.clientId(), id -> new ArrayList<>()).add(new MacAddress(u.macAddress())));
            byClient.forEach((clientId, macs) -> guests.findOrCreateAll(clientId, macs)
                    .forEach((mac, guest) -> guestIds.put(new Device(clientId, mac), guest.id())));
            Map<String, Long> links = new HashMap<>();
            for (ConnectionRepository.Unlinked u : unlinked) {
                Long id = guestIds.getIfPresent(new Device(u.clientId(), new MacAddress(u.macAddress())));
                if (id != null) {
                    links.put(u.sessionKey(), id);
                }
            }
            repository.linkGuests(links);
        }
        return outcomes;
    }

    /**
     * A NAS restarted (RADIUS Accounting-On, or Accounting-Off when it stops): the sessions it
     * reported and still has open are over, ended at their last update with "NAS Reboot". Called by
     * the RADIUS module inside its accounting batch's transaction.
     */
    @Transactional
    public int closeOpenSessionsOfNas(long nasClientId, Instant at, boolean accountingOn) {
        return repository.closeOpenOfNas(nasClientId, at, TerminateCause.NAS_REBOOT.code(), accountingOn ? "acct-on" : "acct-off");
    }

    /**
     * Sessions whose NAS stopped reporting are ended at their last update with "Lost Service": those
     * past their own deadline ({@link NasSession#staleAfter()}), and those recorded without one that
     * were last seen before {@code silentBefore}. Called by the RADIUS module's stale-session job.
     */
    @Transactional
    public int closeStaleSessions(Instant now, Instant silentBefore) {
        return repository.closeStale(now, silentBefore, TerminateCause.LOST_SERVICE.code());
    }

    /** The device's sessions still open at a RADIUS client, newest first: what a Disconnect-Request ends. */
    public List<OpenNasSession> openNasSessions(MacAddress device) {
        return repository.openNasSessions(device);
    }

    /**
     * Streams the client's guest connections for the query to the sink while reading: sessions are
     * read ordered by hotspot, device and start, and adjacent ones within the roaming gap are merged
     * into one record, so memory stays flat however many rows match. Records come ordered by
     * hotspot, then device, then time.
     * <p>
     * Two threads: a virtual thread reads the rows in its own read-only transaction (PostgreSQL
     * streams rows only with autocommit off) and hands them over in small batches through a bounded
     * queue, while the calling thread merges them and feeds the sink. The database's round trips thus
     * overlap with the sink's work (JSON writing) instead of alternating with it. A failure on either
     * side ends both: a read failure is rethrown here, and when the sink fails (the client went away)
     * the reader stops at its next row and releases its connection before this method returns.
     */
    public void report(long clientId, ConnectionQuery query, Consumer<ConnectionRecord> sink) {
        Merger merger = new Merger(properties.roamingGap(), sink);
        ReportReader reader = new ReportReader(clientId, query);
        Thread thread = Thread.ofVirtual().name("connections-report-" + clientId).start(reader);
        boolean complete = false;
        try {
            while (true) {
                Batch batch = reader.queue.take();
                if (batch.failure() != null) {
                    throw rethrow(batch.failure());
                }
                for (SessionRow row : batch.rows()) {
                    merger.accept(row);
                }
                if (batch.last()) {
                    break;
                }
            }
            merger.finish();
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while streaming the connections report", e);
        } finally {
            if (!complete) {
                reader.cancelled = true;
                reader.queue.clear();
            }
            joinUninterruptibly(thread);
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("Reading the connections report failed", failure);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows read for the report, handed from the reader to the merging thread; the last one ends the stream. */
    private record Batch(List<SessionRow> rows, boolean last, @Nullable Throwable failure) {
    }

    /** Reads the report's rows in its own read-only transaction into a bounded queue of batches. */
    private final class ReportReader implements Runnable {

        private static final int BATCH_ROWS = 1024;
        private static final int QUEUED_BATCHES = 8;

        final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        volatile boolean cancelled;
        private final long clientId;
        private final ConnectionQuery query;
        private List<SessionRow> rows = new ArrayList<>(BATCH_ROWS);

        ReportReader(long clientId, ConnectionQuery query) {
            this.clientId = clientId;
            this.query = query;
        }

        @Override
        public void run() {
            try {
                readOnly.executeWithoutResult(status -> repository.streamReport(clientId, query, row -> {
                    rows.add(row);
                    if (rows.size() == BATCH_ROWS) {
                        hand(new Batch(rows, false, null));
                        rows = new ArrayList<>(BATCH_ROWS);
                    }
                }));
                hand(new Batch(rows, true, null));
            } catch (Cancelled e) {
                // the merging side failed and no longer listens
            } catch (Throwable e) {
                try {
                    hand(new Batch(List.of(), true, e));
                } catch (Cancelled ignored) {
                    // nobody listens
                }
            }
        }

        /** Queues the batch, waiting while the queue is full; gives up once the merging side cancelled. */
        private void hand(Batch batch) {
            try {
                while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
                if (cancelled) {
                    throw new Cancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    /** Unwinds the reader (and rolls its transaction back) once the merging side stopped listening. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The hotspot of the guest's latest connection, for the guest profile's {@code last_connection}. */
    public Optional<Hotspot> lastHotspot(long operatorId, long clientId, long guestId) {
        return repository.lastHotspotId(clientId, guestId).flatMap(id -> hotspots.find(operatorId, id));
    }

    /** Bulk-loads complete sessions (demo data and the benchmark loader); no guest lookups. */
    @Transactional
    public void loadSessions(List<CompletedSession> sessions) {
        repository.insertAll(sessions);
    }

    @EventListener
    void on(GuestErased erased) {
        guestIds.asMap().values().removeIf(id -> id == erased.guestId());
        byte[] mac = new byte[6];
        random.nextBytes(mac);
        mac[0] = (byte) ((mac[0] & 0xFC) | 0x02); // locally administered, unicast: never a real device's
        String hex = HexFormat.of().withUpperCase().formatHex(mac);
        repository.anonymise(erased.clientId(), erased.guestId(), MacAddress.parse(hex).value());
    }

    /** Merges adjacent sessions of one device at one hotspot; holds at most one pending record. */
    private final class Merger {

        private final Duration gap;
        private final Consumer<ConnectionRecord> sink;
        private @Nullable SessionRow first;
        private Instant end = Instant.EPOCH;
        private long seconds;
        private long uploaded;
        private long downloaded;
        private @Nullable Integer cause;
        private @Nullable String userAgent;

        Merger(Duration gap, Consumer<ConnectionRecord> sink) {
            this.gap = gap;
            this.sink = sink;
        }

        void accept(SessionRow row) {
            if (first != null && first.hotspotId() == row.hotspotId() && first.macAddress().equals(row.macAddress())
                    && !row.startedAt().isAfter(end.plus(gap))) {
                seconds += row.sessionSeconds();
                uploaded += row.inputOctets();
                downloaded += row.outputOctets();
                if (row.endedAt().isAfter(end)) {
                    end = row.endedAt();
                    cause = row.terminateCause();
                }
                if (userAgent == null) {
                    userAgent = row.userAgent();
                }
                return;
            }
            finish();
            first = row;
            end = row.endedAt();
            seconds = row.sessionSeconds();
            uploaded = row.inputOctets();
            downloaded = row.outputOctets();
            cause = row.terminateCause();
            userAgent = row.userAgent();
        }

        void finish() {
            SessionRow f = first;
            if (f == null) {
                return;
            }
            first = null;
            String ua = userAgent;
            sink.accept(new ConnectionRecord(f.startedAt(), f.hotspotId(), f.hotspotName(), new MacAddress(f.macAddress()),
                    f.guestToken(), f.email(), f.phone(), f.firstName(), f.lastName(), f.displayName(),
                    Duration.ofSeconds(seconds), uploaded, downloaded,
                    cause == null ? null : TerminateCause.of(cause).orElse(null), ua,
                    ua == null ? null : devices.device(ua).orElse(null)));
        }
    }
}
