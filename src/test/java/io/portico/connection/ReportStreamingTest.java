package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;

/**
 * The report reads on a second thread: every row arrives once and in order, and a sink that fails
 * (a client that went away) stops the reader and gives its connection back.
 */
@PorticoIntegrationTest
class ReportStreamingTest {

    static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    static final int SESSIONS = 5_000;

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountingWriter writer;
    @Autowired
    ConnectionReader reader;

    GuestWorld world;
    ConnectionQuery query;

    @BeforeEach
    void setUp() {
        world = new GuestWorld(context, "Streaming Co");
        Hotspot hotspot = world.hotspot("Hall");
        List<CompletedSession> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            MacAddress mac = MacAddress.parse(String.format("02%010x", i % 7));
            sessions.add(new CompletedSession(AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(),
                    "s" + i, mac.value(), "AP-1"), world.client.id(), hotspot.id(), null, mac, "ua " + (i % 3),
                    T0.plus(Duration.ofMinutes(8L * i)), 60, i, 2L * i, TerminateCause.IDLE_TIMEOUT));
        }
        writer.loadSessions(sessions);
        query = new ConnectionQuery(T0, T0.plus(Duration.ofDays(30)), Set.of());
    }

    @Test
    void everyRowArrivesOnceInReportOrder() {
        List<ConnectionRecord> records = new ArrayList<>();
        reader.report(world.client.id(), query, records::add);
        assertThat(records).hasSize(SESSIONS);
        assertThat(records.stream().mapToLong(ConnectionRecord::uploaded).sum()).isEqualTo((long) SESSIONS * (SESSIONS - 1) / 2);
        for (int i = 1; i < records.size(); i++) {
            ConnectionRecord a = records.get(i - 1);
            ConnectionRecord b = records.get(i);
            int byMac = a.macAddress().value().compareTo(b.macAddress().value());
            assertThat(byMac < 0 || (byMac == 0 && a.startedAt().isBefore(b.startedAt()))).as("record %d in order", i).isTrue();
        }
    }

    @Test
    void aFailingSinkStopsTheReaderAndReleasesItsConnection() {
        RuntimeException gone = new IllegalStateException("client went away");
        // More cancelled reports than the pool has connections: a leaked connection would starve the last report.
        for (int round = 0; round < 25; round++) {
            AtomicInteger seen = new AtomicInteger();
            assertThatThrownBy(() -> reader.report(world.client.id(), query, r -> {
                if (seen.incrementAndGet() == 10) {
                    throw gone;
                }
            })).isSameAs(gone);
            assertThat(seen).hasValue(10);
        }
        AtomicInteger all = new AtomicInteger();
        reader.report(world.client.id(), query, r -> all.incrementAndGet());
        assertThat(all).hasValue(SESSIONS);
    }
}
