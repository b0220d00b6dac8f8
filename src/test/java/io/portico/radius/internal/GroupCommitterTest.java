package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portico.radius.AccountingEvent;
import io.portico.radius.AccountingSink;
import io.portico.radius.NasReset;

class GroupCommitterTest {

    /** A sink that fails while the "database" is down and records batches once it is up. */
    private static final class FlakySink implements AccountingSink {
        final AtomicBoolean down = new AtomicBoolean();
        final List<List<AccountingEvent>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void record(List<AccountingEvent> batch) {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            batches.add(List.copyOf(batch));
        }

        @Override
        public int closeStale(Instant now) {
            return 0;
        }
    }

    @Test
    void acknowledgesOnlyAfterTheBatchIsStoredEvenAcrossAnOutage() {
        var sink = new FlakySink();
        sink.down.set(true);
        try (var committer = new GroupCommitter(sink, 100, 1000, 2, new RadiusMetrics(new SimpleMeterRegistry()))) {
            committer.start();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                acks.add(committer.submit(new NasReset(i, true, Instant.EPOCH)));
            }
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> acks.stream().noneMatch(CompletableFuture::isDone));
            sink.down.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.stream().allMatch(CompletableFuture::isDone));
            assertThat(acks).allMatch(a -> !a.isCompletedExceptionally());
            assertThat(sink.batches.stream().mapToInt(List::size).sum()).isEqualTo(50);
            assertThat(sink.batches.size()).as("group commit: fewer transactions than events").isLessThan(50);
        }
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() {
        var sink = new FlakySink();
        sink.down.set(true);
        try (var committer = new GroupCommitter(sink, 1, 1, 1, new RadiusMetrics(new SimpleMeterRegistry()))) {
            // not started: nothing drains the queue
            assertThat(committer.submit(new NasReset(1, true, Instant.EPOCH))).isNotDone();
            assertThat(committer.submit(new NasReset(2, true, Instant.EPOCH))).isCompletedExceptionally();
        }
    }

    /** A sink that holds each batch "in its commit" until released. */
    private static final class SlowSink implements AccountingSink {
        final java.util.concurrent.Semaphore commits = new java.util.concurrent.Semaphore(0);
        final java.util.concurrent.atomic.AtomicInteger committing = new java.util.concurrent.atomic.AtomicInteger();
        final List<List<AccountingEvent>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void record(List<AccountingEvent> batch) {
            committing.incrementAndGet();
            commits.acquireUninterruptibly();
            batches.add(List.copyOf(batch));
        }

        @Override
        public int closeStale(Instant now) {
            return 0;
        }
    }

    @Test
    void noRequestIsAcknowledgedBeforeItsBatchHasCommittedAndRequestsArrivingMeanwhileFormTheNextBatch() {
        var sink = new SlowSink();
        try (var committer = new GroupCommitter(sink, 100, 1000, 1, new RadiusMetrics(new SimpleMeterRegistry()))) {
            committer.start();
            CompletableFuture<Void> first = committer.submit(new NasReset(1, true, Instant.EPOCH));
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.committing.get() == 1);
            List<CompletableFuture<Void>> meanwhile = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                meanwhile.add(committer.submit(new NasReset(2 + i, true, Instant.EPOCH)));
            }
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !first.isDone());
            sink.commits.release();
            await().atMost(Duration.ofSeconds(5)).until(first::isDone);
            assertThat(first).isCompleted();
            // the 20 queued during the first commit are the second batch, still committing: none answered
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.committing.get() == 2);
            assertThat(meanwhile).noneMatch(CompletableFuture::isDone);
            sink.commits.release();
            await().atMost(Duration.ofSeconds(5)).until(() -> meanwhile.stream().allMatch(CompletableFuture::isDone));
            assertThat(meanwhile).noneMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(sink.batches).extracting(List::size).containsExactly(1, 20);
        }
    }

    @Test
    void aBatchThatFailsToCommitIsAnsweredOnlyOnceARetryHasStoredItAndStoredOnce() {
        var sink = new FlakySink();
        try (var committer = new GroupCommitter(sink, 100, 1000, 1, new RadiusMetrics(new SimpleMeterRegistry()))) {
            sink.down.set(true);
            committer.start();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acks.add(committer.submit(new NasReset(i, true, Instant.EPOCH)));
            }
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> acks.stream().noneMatch(CompletableFuture::isDone));
            assertThat(sink.batches).isEmpty();
            sink.down.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.stream().allMatch(CompletableFuture::isDone));
            assertThat(sink.batches.stream().flatMap(List::stream).map(e -> ((NasReset) e).nasClientId()).sorted().toList())
                    .as("every event stored exactly once").containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }
}
