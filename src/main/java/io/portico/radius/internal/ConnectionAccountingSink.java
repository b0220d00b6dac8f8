package io.portico.radius.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.AccountingOutcome;
import io.portico.connection.AccountingRecord;
import io.portico.connection.AccountingSessionId;
import io.portico.connection.AccountingWriter;
import io.portico.connection.NasSession;
import io.portico.connection.TerminateCause;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.radius.AccountingEvent;
import io.portico.radius.AccountingSink;
import io.portico.radius.NasClient;
import io.portico.radius.NasReset;
import io.portico.radius.RadiusProperties;
import io.portico.radius.SessionReport;
import io.portico.radius.persistence.JdbcAccountingSink;

/**
 * The {@link AccountingSink} the group committer writes through. Each
 * session report is stored once: a guest's session at a hotspot goes to
 * {@link AccountingWriter#recordAll}, which feeds {@code /v2/client/connections} and keeps the NAS
 * side RADIUS needs later (Disconnect, Accounting-On/Off, stale closing); any other session (a venue
 * gateway's residents, an unknown NAS-Identifier, no device) goes to this module's own
 * {@link JdbcAccountingSink}. Accounting-On/Off and the stale sweep close sessions in both. Both
 * writes are idempotent, so a replayed batch changes nothing; the Accounting-Response waits until
 * they have committed. A batch of session reports only (the usual one) needs no transaction
 * around it: the guest sessions are one statement; a batch with Accounting-On/Off runs in one
 * transaction, so the reset closes exactly the sessions stored before it.
 */
@Component
class ConnectionAccountingSink implements AccountingSink {

    private final JdbcAccountingSink raw;
    private final AccountingWriter connections;
    private final HotspotService hotspots;
    private final NasClientRegistry clients;
    private final TransactionTemplate transaction;
    private final RadiusProperties properties;

    ConnectionAccountingSink(JdbcAccountingSink raw, AccountingWriter connections, HotspotService hotspots,
                             NasClientRegistry clients, TransactionTemplate transaction, RadiusProperties properties) {
        this.raw = raw;
        this.connections = connections;
        this.hotspots = hotspots;
        this.clients = clients;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void record(List<AccountingEvent> batch) {
        if (batch.stream().allMatch(SessionReport.class::isInstance)) {
            // The common batch: session reports only. Each write below is one atomic, idempotent
            // statement that commits by itself (the guest sessions in one round trip), so no
            // surrounding transaction is needed to store them durably; a failure retries the batch.
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
                        raw.record(List.of(reset));
                    }
                }
            }
            store(reports);
        });
    }

    /** Guest sessions into the connections, the rest (and those naming no known hotspot) into the raw table. */
    private void store(List<SessionReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<AccountingRecord> records = new ArrayList<>(reports.size());
        List<SessionReport> recorded = new ArrayList<>(reports.size());
        List<AccountingEvent> others = new ArrayList<>();
        for (SessionReport report : reports) {
            Optional<AccountingRecord> record = record(report);
            if (record.isPresent()) {
                records.add(record.get());
                recorded.add(report);
            } else {
                others.add(report);
            }
        }
        if (!records.isEmpty()) {
            List<AccountingOutcome> outcomes = connections.recordAll(records);
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) != AccountingOutcome.RECORDED) {
                    others.add(recorded.get(i));
                }
            }
        }
        if (!others.isEmpty()) {
            raw.record(others);
        }
        reports.clear();
    }

    /**
     * Closes stale sessions in both places by their own deadline (2 × their interim interval +
     * margin); connections recorded without one (not from RADIUS) by the default deadline.
     */
    @Override
    public int closeStale(Instant now) {
        return transaction.execute(status -> raw.closeStale(now) + connections.closeStaleSessions(now,
                now.minus(properties.defaultInterimInterval().multipliedBy(2)).minus(properties.staleMargin())));
    }

    /**
     * The report as a connection packet; empty when it names no device or its NAS serves no hotspot
     * (a venue gateway's resident sessions are not guest connections). Without a NAS-Identifier the
     * NAS client's own hotspot names it.
     */
    Optional<AccountingRecord> record(SessionReport r) {
        Optional<NasClient> nas = clients.byId(r.nasClientId());
        if (nas.isEmpty() || r.device().isEmpty()) {
            return Optional.empty();
        }
        long operatorId = nas.get().operatorId();
        String nasIdentifier = !r.nasIdentifier().isBlank() ? r.nasIdentifier()
                : nas.get().hotspotId().flatMap(id -> hotspots.find(operatorId, id)).map(Hotspot::nasIdentifier).orElse("");
        if (nasIdentifier.isBlank()) {
            return Optional.empty();
        }
        String mac = r.device().get().value();
        AccountingRecord.Type type = switch (r.status()) {
            case START -> AccountingRecord.Type.START;
            case INTERIM -> AccountingRecord.Type.INTERIM_UPDATE;
            case STOP -> AccountingRecord.Type.STOP;
        };
        TerminateCause cause = r.terminationCause().orElse(null);
        return Optional.of(new AccountingRecord(type, AccountingSessionId.of(operatorId, nasIdentifier, r.sessionId(), mac,
                r.calledStationId()), operatorId, nasIdentifier, r.device().get(), null,
                r.uploadedBytes(), r.downloadedBytes(), r.sessionTime().toSeconds(), cause, r.reportedAt(), new NasSession(r.nasClientId(), r.nasAddress(), r.sessionId(),
                r.username(), r.framedIp().orElse(null), r.staleAfter())));
    }
}
