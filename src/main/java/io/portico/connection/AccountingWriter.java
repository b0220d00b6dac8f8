package io.portico.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.internal.DeviceGuestIds;
import io.portico.connection.persistence.ConnectionRepository;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;

/**
 * Writes sessions: the RADIUS module records accounting here ({@link #record}, {@link #recordAll})
 * and closes sessions its NASes no longer report ({@link #closeOpenSessionsOfNas},
 * {@link #closeStaleSessions}); the demo data set and the benchmark loader bulk-load complete
 * sessions ({@link #loadSessions}).
 */
@Service
public class AccountingWriter {

    private final ConnectionRepository repository;
    private final HotspotService hotspots;
    private final GuestService guests;
    private final DeviceGuestIds guestIds;
    private final TransactionTemplate transactions;

    AccountingWriter(ConnectionRepository repository, HotspotService hotspots, GuestService guests, DeviceGuestIds guestIds,
                     PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.hotspots = hotspots;
        this.guests = guests;
        this.guestIds = guestIds;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Records one accounting packet (Start, Interim-Update or Stop) into its session, keyed by
     * {@link AccountingRecord#sessionId()}. Idempotent: a retransmitted or reordered packet never
     * lowers counters, and the first Stop's end time and cause stay. The device's guest is created
     * on first sight. {@link AccountingOutcome#UNKNOWN_HOTSPOT} when no hotspot has the NAS-Identifier.
     */
    public AccountingOutcome record(AccountingRecord packet) {
        return recordAll(List.of(packet)).getFirst();
    }

    /** Records a batch of packets, looking up each packet's hotspot by its NAS-Identifier; see {@link #recordAll(List, List)}. */
    public List<AccountingOutcome> recordAll(List<AccountingRecord> packets) {
        // A busy batch repeats the same hotspots (Start, Interim, Stop): look each up once.
        Map<String, Optional<Hotspot>> hotspotByNas = new HashMap<>();
        List<Optional<Hotspot>> at = new ArrayList<>(packets.size());
        for (AccountingRecord packet : packets) {
            at.add(hotspotByNas.computeIfAbsent(packet.operatorId() + "/" + packet.nasIdentifier(),
                    key -> hotspots.findByNasIdentifier(packet.operatorId(), packet.nasIdentifier())));
        }
        return recordAll(packets, at);
    }

    /**
     * Records a batch of packets at the hotspots the caller looked up for them (the RADIUS module
     * looks each packet's hotspot up once, by NAS-Identifier or by its NAS client); outcomes are in
     * the order of the packets. A packet at a hotspot of its operator naming a device is a guest
     * connection; any other is {@link AccountingOutcome#UNKNOWN_HOTSPOT}, stored as its NAS's session
     * when it carries its NAS side. The sessions are written by one statement (PostgreSQL; one JDBC
     * batch elsewhere). When every device's guest id is known ({@link DeviceGuestIds}, the steady
     * state), that statement runs on its own: called without a transaction it commits by itself, in
     * one round trip (the RADIUS writer's common case). Otherwise (a device first seen, or not seen
     * since this instance started) the devices' guests are found or created, with
     * {@link io.portico.guest.GuestCreated} for the new ones, and the sessions written with their
     * guest, all in one transaction: one commit for the whole batch, and a session is never stored
     * without the guest it belongs to. Inside a caller's transaction, both join it. (No transaction
     * proxy on these methods: the RADIUS writer calls them per batch, and the interceptor's look-up of
     * the transaction manager was a tenth of that thread's CPU, profiled.)
     */
    public List<AccountingOutcome> recordAll(List<AccountingRecord> packets, List<Optional<Hotspot>> hotspotOfPacket) {
        if (hotspotOfPacket.size() != packets.size()) {
            throw new IllegalArgumentException("one hotspot (or none) per packet");
        }
        List<AccountingOutcome> outcomes = new ArrayList<>(packets.size());
        List<AccountingRecord> known = new ArrayList<>();
        List<@Nullable Long> clientIds = new ArrayList<>();
        List<@Nullable Long> hotspotIds = new ArrayList<>();
        List<@Nullable Long> ids = new ArrayList<>();
        Map<Long, Set<MacAddress>> unresolved = new HashMap<>();
        for (int i = 0; i < packets.size(); i++) {
            AccountingRecord packet = packets.get(i);
            Optional<Hotspot> hotspot = hotspotOfPacket.get(i).filter(h -> h.operatorId() == packet.operatorId());
            MacAddress mac = packet.macAddress();
            if (hotspot.isPresent() && mac != null) {
                long clientId = hotspot.get().clientId();
                Long id = guestIds.find(clientId, mac);
                if (id == null) {
                    unresolved.computeIfAbsent(clientId, c -> new HashSet<>()).add(mac);
                }
                known.add(packet);
                clientIds.add(clientId);
                hotspotIds.add(hotspot.get().id());
                ids.add(id);
                outcomes.add(AccountingOutcome.RECORDED);
            } else {
                outcomes.add(AccountingOutcome.UNKNOWN_HOTSPOT);
                if (packet.nas() != null) {
                    known.add(packet);
                    clientIds.add(null);
                    hotspotIds.add(null);
                    ids.add(null);
                }
            }
        }
        if (known.isEmpty()) {
            return outcomes;
        }
        if (unresolved.isEmpty()) {
            write(known, clientIds, hotspotIds, ids);
            return outcomes;
        }
        if (repository.postgres()) {
            transactions.executeWithoutResult(status -> writeFirstSeen(known, clientIds, hotspotIds, ids, unresolved));
            return outcomes;
        }
        transactions.executeWithoutResult(status -> {
            // First seen: the devices become guests (found when another writer or the portal made them first).
            Map<Long, Map<MacAddress, Long>> byClient = new HashMap<>();
            unresolved.forEach((clientId, macs) -> {
                Map<MacAddress, Long> guestIdOf = new HashMap<>();
                guests.findOrCreateAll(clientId, macs).forEach((mac, guest) -> guestIdOf.put(mac, guest.id()));
                byClient.put(clientId, guestIdOf);
            });
            for (int i = 0; i < known.size(); i++) {
                MacAddress mac = known.get(i).macAddress();
                if (ids.get(i) == null && clientIds.get(i) != null && mac != null) {
                    ids.set(i, byClient.get(clientIds.get(i)).get(mac));
                }
            }
            write(known, clientIds, hotspotIds, ids);
            // Cached once the guests exist for everyone: a rolled-back id would point at no guest.
            afterCommit(() -> byClient.forEach((clientId, guestIdOf) -> guestIdOf.forEach((mac, id) -> guestIds.put(clientId, mac, id))));
        });
        return outcomes;
    }

    /**
     * A batch with first-seen devices on PostgreSQL, in the caller's transaction: one statement makes
     * them guests and writes the sessions with their guest, and answers the new guests with their
     * client, so {@link io.portico.guest.GuestCreated} needs no read of its own. A device another
     * transaction made a guest after that statement began has no guest in its answer: its guest is read
     * and its sessions written again (idempotent), still in this transaction.
     */
    private void writeFirstSeen(List<AccountingRecord> known, List<@Nullable Long> clientIds, List<@Nullable Long> hotspotIds,
                                List<@Nullable Long> ids, Map<Long, Set<MacAddress>> unresolved) {
        ConnectionRepository.FirstSeenWrite written;
        try {
            written = repository.mergeFirstSeen(known, clientIds, hotspotIds, ids, guests.firstSeen(unresolved));
        } catch (DataIntegrityViolationException e) {
            guestIds.forgetAll(); // a guest erased elsewhere: the caller's retry resolves afresh
            throw e;
        }
        guests.firstSeenCreated(written.created());
        Map<Long, Map<MacAddress, Long>> byClient = new HashMap<>();
        Map<Long, List<MacAddress>> missing = new HashMap<>();
        for (ConnectionRepository.DeviceGuest device : written.devices()) {
            if (device.guestId() != null) {
                byClient.computeIfAbsent(device.clientId(), c -> new HashMap<>()).put(device.mac(), device.guestId());
            } else if (unresolved.getOrDefault(device.clientId(), Set.of()).contains(device.mac())) {
                missing.computeIfAbsent(device.clientId(), c -> new ArrayList<>()).add(device.mac());
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach((clientId, macs) -> guests.findOrCreateAll(clientId, macs)
                    .forEach((mac, guest) -> byClient.computeIfAbsent(clientId, c -> new HashMap<>()).put(mac, guest.id())));
            List<AccountingRecord> again = new ArrayList<>();
            List<@Nullable Long> againClients = new ArrayList<>(), againHotspots = new ArrayList<>(), againIds = new ArrayList<>();
            for (int i = 0; i < known.size(); i++) {
                Long clientId = clientIds.get(i);
                MacAddress mac = known.get(i).macAddress();
                if (clientId != null && mac != null && missing.getOrDefault(clientId, List.of()).contains(mac)) {
                    again.add(known.get(i));
                    againClients.add(clientId);
                    againHotspots.add(hotspotIds.get(i));
                    againIds.add(byClient.get(clientId).get(mac));
                }
            }
            write(again, againClients, againHotspots, againIds);
        }
        afterCommit(() -> byClient.forEach((clientId, guestIdOf) -> guestIdOf.forEach((mac, id) -> guestIds.put(clientId, mac, id))));
    }

    /** One statement for the batch; a device whose guest is still unknown is looked up by the statement itself. */
    private void write(List<AccountingRecord> known, List<@Nullable Long> clientIds, List<@Nullable Long> hotspotIds,
                       List<@Nullable Long> ids) {
        try {
            repository.merge(known, clientIds, hotspotIds, ids);
        } catch (DataIntegrityViolationException e) {
            guestIds.forgetAll(); // a guest erased elsewhere: the caller's retry resolves afresh
            throw e;
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
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

    /** Bulk-loads complete sessions (demo data and the benchmark loader); no guest lookups. */
    @Transactional
    public void loadSessions(List<CompletedSession> sessions) {
        repository.insertAll(sessions);
    }
}
