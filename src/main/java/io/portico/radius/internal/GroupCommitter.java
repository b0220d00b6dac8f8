package io.portico.radius.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.portico.radius.AccountingEvent;
import io.portico.radius.AccountingSink;

/**
 * Group commit for accounting: requests queue their event, and a writer thread takes whatever has
 * queued (up to the batch size) and stores it in one call to the {@link AccountingSink}, one
 * commit; what arrives meanwhile forms the next batch, so a busier server writes bigger batches
 * rather than more of them. One writer is the default (measured: a higher peak and less database
 * CPU per request than four, see docs/radius.md); with several, two batches touching one session
 * at once are safe, because the sink is idempotent and a batch that fails on the conflict is
 * retried. Each request's future completes only after that commit, and only then is the
 * Accounting-Response sent. The futures are completed (which sends the replies) by an
 * acknowledging thread, not the writer: a committed batch is handed over and the writer starts the
 * next one at once, so the requests queued meanwhile do not also wait for a whole batch of UDP
 * sends (a pipeline: the replies of batch N go out while batch N + 1 is written). When the database is down the writer retries the same batch with
 * back-off; nothing is acknowledged meanwhile, and once the queue is full new requests are dropped
 * so the NAS retransmits them later.
 */
final class GroupCommitter implements AutoCloseable {

    private record Pending(AccountingEvent event, CompletableFuture<Void> stored) {
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final AccountingSink sink;
    private final int batchSize;
    private final RadiusMetrics metrics;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers;
    /** Committed batches whose replies are still to be sent, in commit order; {@link #ACKNOWLEDGER_STOP} ends the thread. */
    private final BlockingQueue<List<Pending>> committed = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread acknowledger;
    private volatile boolean running = true;
    private volatile boolean started;

    GroupCommitter(AccountingSink sink, int batchSize, int capacity, int writers, RadiusMetrics metrics) {
        this.sink = sink;
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writers = java.util.stream.IntStream.range(0, writers)
                .mapToObj(i -> Thread.ofPlatform().daemon().name("radius-accounting-writer-" + i).unstarted(this::write)).toList();
        this.acknowledger = Thread.ofPlatform().daemon().name("radius-accounting-acknowledger").unstarted(this::acknowledge);
    }

    private static final List<Pending> ACKNOWLEDGER_STOP = List.of();

    void start() {
        started = true;
        acknowledger.start();
        writers.forEach(Thread::start);
    }

    /** Completes the futures of committed batches, in commit order, until told to stop. */
    private void acknowledge() {
        while (true) {
            List<Pending> batch;
            try {
                batch = committed.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == ACKNOWLEDGER_STOP) {
                return;
            }
            for (Pending p : batch) {
                try {
                    p.stored().complete(null);
                } catch (RuntimeException e) {
                    log.warn("Accounting reply not sent: {}", e.toString());
                }
            }
        }
    }

    /** Completes once the event is durably stored; fails at once with {@link RequestPipeline.QueueFullException} when the queue is full. */
    CompletableFuture<Void> submit(AccountingEvent event) {
        var pending = new Pending(event, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(new RequestPipeline.QueueFullException());
        }
        return pending.stored();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                store(batch);
                batch = new ArrayList<>(batchSize); // the stored one now belongs to the acknowledger
            } catch (InterruptedException e) {
                break;
            }
        }
        batch.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("accounting writer stopped")));
        for (Pending left; (left = queue.poll()) != null; ) {
            left.stored().completeExceptionally(new IllegalStateException("accounting writer stopped"));
        }
    }

    private void store(List<Pending> batch) throws InterruptedException {
        List<AccountingEvent> events = batch.stream().map(Pending::event).toList();
        Duration backoff = Duration.ofMillis(50);
        while (true) {
            try {
                sink.record(events);
                metrics.batchWritten();
                committed.add(batch); // durably stored: now, and only now, it may be acknowledged
                return;
            } catch (RuntimeException e) {
                metrics.batchFailed();
                if (!running) {
                    throw new InterruptedException("stopping with an unwritten batch");
                }
                log.warn("Accounting batch of {} not stored, retrying in {} ms: {}", events.size(), backoff.toMillis(), e.toString());
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : backoff.multipliedBy(2);
            }
        }
    }

    int queued() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        if (!started) {
            queue.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("accounting writer never started")));
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Thread writer : writers) {
            try {
                writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer.interrupt();
        }
        // what the writers stored is acknowledged before the committer is closed
        committed.add(ACKNOWLEDGER_STOP);
        try {
            acknowledger.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
