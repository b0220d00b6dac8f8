package io.portico.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.internal.DeviceClassifier;
import io.portico.connection.internal.SessionMerger;
import io.portico.connection.persistence.ConnectionRepository;
import io.portico.connection.persistence.ConnectionRepository.SessionRow;
import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;

/**
 * Reads sessions: the guest API streams the connections report ({@link #report}) and asks for a
 * guest's last hotspot ({@link #lastHotspot}); the RADIUS module finds a device's open sessions to
 * disconnect ({@link #openNasSessions}) and a resident device's usage ({@link #deviceUsage}).
 */
@Service
public class ConnectionReader {

    private final ConnectionRepository repository;
    private final HotspotService hotspots;
    private final DeviceClassifier devices;
    private final ConnectionProperties properties;
    private final TransactionTemplate readOnly;

    ConnectionReader(ConnectionRepository repository, HotspotService hotspots, DeviceClassifier devices,
                     ConnectionProperties properties, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.hotspots = hotspots;
        this.devices = devices;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
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
        SessionMerger merger = new SessionMerger(properties.roamingGap(), devices, sink);
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

    /**
     * What the guest's device used since {@code since} (bytes in plus out), for the portal's "data
     * left": the sessions seen since then, each whole, because accounting keeps only a session's
     * cumulative counters (a session that was already open at {@code since} counts entirely).
     */
    public long bytesUsedSince(long clientId, long guestId, Instant since) {
        return repository.bytesSeenSince(clientId, guestId, since);
    }

    /**
     * What accounting knows of a device at one NAS since {@code since} (for residents, the
     * subscription's start: sessions the device had there before were someone else's business).
     */
    public DeviceUsage deviceUsage(long nasClientId, MacAddress device, Instant since, Instant now) {
        return repository.deviceUsage(nasClientId, device.value(), since, now);
    }

    /** The hotspot of the guest's latest connection, for the guest profile's {@code last_connection}. */
    public Optional<Hotspot> lastHotspot(long operatorId, long clientId, long guestId) {
        return repository.lastHotspotId(clientId, guestId).flatMap(id -> hotspots.find(operatorId, id));
    }
}
