package io.portico.radius.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.AccountingRecord;
import io.portico.connection.AccountingSessionId;
import io.portico.connection.ConnectionService;
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
 * The {@link AccountingSink} the group committer writes through: one transaction per batch that
 * stores the raw sessions RADIUS itself needs ({@link JdbcAccountingSink}: NAS address and
 * Acct-Session-Id for Disconnect, Accounting-On/Off, stale closing) and hands every session report
 * from a hotspot's NAS to {@link ConnectionService#recordAll}, which feeds
 * {@code /v2/client/connections}; Accounting-On/Off and stale sessions close the connections too. Both writes are idempotent, so a replayed batch changes nothing;
 * the Accounting-Response waits for this transaction's commit.
 */
@Component
class ConnectionAccountingSink implements AccountingSink {

    private static final long OCTETS = 0xFFFF_FFFFL;

    private final JdbcAccountingSink raw;
    private final ConnectionService connections;
    private final HotspotService hotspots;
    private final NasClientRegistry clients;
    private final TransactionTemplate transaction;
    private final RadiusProperties properties;

    ConnectionAccountingSink(JdbcAccountingSink raw, ConnectionService connections, HotspotService hotspots,
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
        transaction.executeWithoutResult(status -> {
            raw.record(batch);
            List<AccountingRecord> records = new ArrayList<>(batch.size());
            for (AccountingEvent event : batch) {
                switch (event) {
                    case SessionReport report -> record(report).ifPresent(records::add);
                    case NasReset reset -> {
                        // Reports queued before the reset are stored first, so the reset closes them too.
                        flush(records);
                        clients.byId(reset.nasClientId()).flatMap(NasClient::hotspotId)
                                .ifPresent(hotspotId -> connections.closeOpenSessions(hotspotId, reset.at()));
                    }
                }
            }
            flush(records);
        });
    }

    private void flush(List<AccountingRecord> records) {
        if (!records.isEmpty()) {
            connections.recordAll(records);
            records.clear();
        }
    }

    /**
     * Closes stale sessions in both places: the raw ones by their own deadline (2 × their interim
     * interval + margin), the connections by the default deadline, since they keep no interval.
     */
    @Override
    public int closeStale(Instant now) {
        return transaction.execute(status -> {
            int closed = raw.closeStale(now);
            connections.closeSilentSessions(now.minus(properties.defaultInterimInterval().multipliedBy(2)).minus(properties.staleMargin()));
            return closed;
        });
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
                r.uploadedBytes() & OCTETS, r.uploadedBytes() >>> 32, r.downloadedBytes() & OCTETS, r.downloadedBytes() >>> 32,
                r.sessionTime().toSeconds(), cause, r.reportedAt()));
    }
}
