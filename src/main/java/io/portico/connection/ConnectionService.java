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
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.internal.DeviceClassifier;
import io.portico.connection.persistence.ConnectionRepository;
import io.portico.connection.persistence.ConnectionRepository.SessionRow;
import io.portico.guest.GuestErased;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;

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
    private final SecureRandom random = new SecureRandom();

    ConnectionService(ConnectionRepository repository, HotspotService hotspots, GuestService guests,
                      DeviceClassifier devices, ConnectionProperties properties) {
        this.repository = repository;
        this.hotspots = hotspots;
        this.guests = guests;
        this.devices = devices;
        this.properties = properties;
    }

    /**
     * Records one accounting packet (Start, Interim-Update or Stop) into its session, keyed by
     * {@link AccountingRecord#sessionId()}. Idempotent: a retransmitted or reordered packet never
     * lowers counters, and the first Stop's end time and cause stay. The device's guest is created
     * on first sight. {@link AccountingOutcome#UNKNOWN_HOTSPOT} when no hotspot has the NAS-Identifier.
     */
    @Transactional
    public AccountingOutcome record(AccountingRecord packet) {
        return recordAll(List.of(packet)).getFirst();
    }

    /**
     * Records a batch of packets in one transaction and one JDBC batch (group commit for a busy
     * RADIUS listener); outcomes are in the order of the packets.
     */
    @Transactional
    public List<AccountingOutcome> recordAll(List<AccountingRecord> packets) {
        List<AccountingOutcome> outcomes = new ArrayList<>(packets.size());
        List<AccountingRecord> known = new ArrayList<>();
        List<Long> clientIds = new ArrayList<>();
        List<Long> hotspotIds = new ArrayList<>();
        List<@Nullable Long> guestIds = new ArrayList<>();
        // A busy batch repeats the same hotspots and devices (Start, Interim, Stop): look each up once.
        Map<String, Optional<Hotspot>> hotspotByNas = new HashMap<>();
        Map<String, Long> guestByDevice = new HashMap<>();
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
            guestIds.add(guestByDevice.computeIfAbsent(clientId + "/" + packet.macAddress().value(),
                    key -> guests.findOrCreate(clientId, packet.macAddress()).id()));
            outcomes.add(AccountingOutcome.RECORDED);
        }
        if (!known.isEmpty()) {
            repository.merge(known, clientIds, hotspotIds, guestIds);
        }
        return outcomes;
    }

    /**
     * The hotspot's NAS restarted (RADIUS Accounting-On/Off): its sessions still open are over,
     * ended at their last update with "NAS Reboot". Called by the RADIUS module inside its
     * accounting batch's transaction.
     */
    @Transactional
    public int closeOpenSessions(long hotspotId, Instant at) {
        return repository.closeOpen(hotspotId, at, TerminateCause.NAS_REBOOT.code());
    }

    /**
     * Sessions whose NAS stopped reporting: every open session without an update since
     * {@code lastSeenBefore} is ended at its last update with "Lost Service". Called by the RADIUS
     * module's stale-session job.
     */
    @Transactional
    public int closeSilentSessions(Instant lastSeenBefore) {
        return repository.closeSilent(lastSeenBefore, TerminateCause.LOST_SERVICE.code());
    }

    /**
     * Streams the client's guest connections for the query to the sink while reading: sessions are
     * read ordered by hotspot, device and start, and adjacent ones within the roaming gap are merged
     * into one record, so memory stays flat however many rows match. Records come ordered by
     * hotspot, then device, then time. Must run in a (read-only) transaction: PostgreSQL streams
     * rows only with autocommit off.
     */
    @Transactional(readOnly = true)
    public void report(long clientId, ConnectionQuery query, Consumer<ConnectionRecord> sink) {
        Merger merger = new Merger(properties.roamingGap(), sink);
        repository.streamReport(clientId, query, rs -> merger.accept(ConnectionRepository.row(rs)));
        merger.finish();
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
