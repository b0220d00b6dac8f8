package io.portico.radius.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.AccountingRecord;
import io.portico.connection.AccountingSessionId;
import io.portico.connection.AccountingWriter;
import io.portico.connection.NasSession;
import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.radius.AccountingEvent;
import io.portico.radius.AccountingSink;
import io.portico.radius.NasClient;
import io.portico.radius.NasReset;
import io.portico.radius.RadiusProperties;
import io.portico.radius.SessionReport;

/**
 * The {@link AccountingSink} the group committer writes through: every session report goes to the
 * one store, {@link AccountingWriter#recordAll(List, List)}, after one hotspot look-up (by
 * NAS-Identifier, or the NAS client's own hotspot when the packet names none). A guest's session at
 * a hotspot becomes a guest connection (which feeds {@code /v2/client/connections}); any other
 * (a venue gateway's residents, an unknown NAS-Identifier, no device) is stored as its NAS's
 * session only, so Disconnect, Accounting-On/Off and the stale sweep treat both alike. The writes
 * are idempotent, so a replayed batch changes nothing; the Accounting-Response waits until they
 * have committed. A batch of session reports only (the usual one) needs no transaction around it:
 * it is one statement; a batch with Accounting-On/Off runs in one transaction, so the reset closes
 * exactly the sessions stored before it.
 */
@Component
class ConnectionAccountingSink implements AccountingSink {

    private final AccountingWriter connections;
    private final HotspotService hotspots;
    private final TransactionTemplate transaction;
    private final RadiusProperties properties;

    ConnectionAccountingSink(AccountingWriter connections, HotspotService hotspots, TransactionTemplate transaction,
                             RadiusProperties properties) {
        this.connections = connections;
        this.hotspots = hotspots;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void record(List<AccountingEvent> batch) {
        if (batch.stream().allMatch(SessionReport.class::isInstance)) {
            store(new ArrayList<>(batch.stream().map(SessionReport.class::cast).toList()));
            return;
        }
        transaction.executeWithoutResult(status -> {
            List<SessionReport> reports = new ArrayList<>(batch.size());
            for (AccountingEvent event : batch) {
                switch (event) {
                    case SessionReport report -> reports.add(report);
                    case NasReset reset -> {
                        // Reports queued before the reset are stored first, so the reset closes them too.
                        store(reports);
                        connections.closeOpenSessionsOfNas(reset.nasClientId(), reset.at(), reset.starting());
                    }
                }
            }
            store(reports);
        });
    }

    private void store(List<SessionReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<AccountingRecord> records = new ArrayList<>(reports.size());
        List<Optional<Hotspot>> at = new ArrayList<>(reports.size());
        // A busy batch repeats the same NASes (Start, Interim, Stop): look each up once.
        Map<String, Optional<Hotspot>> byNas = new HashMap<>();
        for (SessionReport report : reports) {
            NasClient nas = report.nas();
            Optional<Hotspot> hotspot = byNas.computeIfAbsent(nas.id() + "/" + report.nasIdentifier(), key -> hotspot(nas, report.nasIdentifier()));
            records.add(record(report, hotspot));
            at.add(hotspot);
        }
        connections.recordAll(records, at);
        reports.clear();
    }

    /** The hotspot the NAS-Identifier names, or without one the hotspot the NAS client serves. */
    private Optional<Hotspot> hotspot(NasClient nas, String nasIdentifier) {
        return !nasIdentifier.isBlank() ? hotspots.findByNasIdentifier(nas.operatorId(), nasIdentifier)
                : nas.hotspotId().flatMap(id -> hotspots.find(nas.operatorId(), id));
    }

    /** Closes stale sessions by their own deadline (2 × their interim interval + margin); those recorded without one by the default. */
    @Override
    public int closeStale(Instant now) {
        return connections.closeStaleSessions(now,
                now.minus(properties.defaultInterimInterval().multipliedBy(2)).minus(properties.staleMargin()));
    }

    /**
     * The report as the connection module stores it. The session key names the NAS by its
     * NAS-Identifier (the hotspot's when the packet has none, else the NAS client's id) and the
     * device by its MAC (the raw Calling-Station-Id when it is none).
     */
    static AccountingRecord record(SessionReport r, Optional<Hotspot> hotspot) {
        long operatorId = r.nas().operatorId();
        String nasIdentifier = !r.nasIdentifier().isBlank() ? r.nasIdentifier() : hotspot.map(Hotspot::nasIdentifier).orElse("");
        String keyNas = nasIdentifier.isBlank() ? "#" + r.nas().id() : nasIdentifier;
        AccountingRecord.Type type = switch (r.status()) {
            case START -> AccountingRecord.Type.START;
            case INTERIM -> AccountingRecord.Type.INTERIM_UPDATE;
            case STOP -> AccountingRecord.Type.STOP;
        };
        return new AccountingRecord(type, AccountingSessionId.of(operatorId, keyNas, r.sessionId(),
                r.device().map(MacAddress::value).orElse(r.callingStationId()), r.calledStationId()), operatorId, nasIdentifier,
                r.device().orElse(null), null, r.uploadedBytes(), r.downloadedBytes(), r.sessionTime().toSeconds(),
                r.terminationCause().orElse(null), r.reportedAt(), new NasSession(r.nasClientId(), r.nasAddress(), r.sessionId(),
                r.username(), r.framedIp().orElse(null), r.staleAfter()));
    }
}
