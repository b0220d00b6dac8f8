package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
import io.portico.support.DatabaseTarget;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;

/** The accounting API the RADIUS module calls: idempotent, order-tolerant, batched. */
@PorticoIntegrationTest
class AccountingRecordingTest {

    static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
    static final MacAddress MAC = MacAddress.parse("aabbccddeeff");

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountingWriter writer;
    @Autowired
    ConnectionReader reader;

    GuestWorld world;
    Hotspot hotspot;
    AccountingSessionId id;

    @BeforeEach
    void setUp() {
        world = new GuestWorld(context, "Accounting Co");
        hotspot = world.hotspot("Gate");
        id = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(), "81000001", "AA-BB-CC-DD-EE-FF", "AP-1:guest");
    }

    private AccountingRecord packet(AccountingRecord.Type type, long uploaded, long downloaded, long seconds,
                                    TerminateCause cause) {
        return new AccountingRecord(type, id, world.operator.id(), hotspot.nasIdentifier(), MAC, null, uploaded, downloaded,
                seconds, cause, T0.plusSeconds(seconds));
    }

    private List<ConnectionRecord> report() {
        List<ConnectionRecord> out = new java.util.ArrayList<>();
        reader.report(world.client.id(), new ConnectionQuery(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                java.util.Set.of()), out::add);
        return out;
    }

    @Test
    void startInterimStopMakeOneSessionCountingBeyond32Bits() {
        assertThat(writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null))).isEqualTo(AccountingOutcome.RECORDED);
        writer.record(packet(AccountingRecord.Type.INTERIM_UPDATE, 500, 700, 300, null));
        writer.record(packet(AccountingRecord.Type.STOP, (1L << 32) + 10, 900, 600, TerminateCause.IDLE_TIMEOUT));
        List<ConnectionRecord> r = report();
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().uploaded()).isEqualTo((1L << 32) + 10);
        assertThat(r.getFirst().downloaded()).isEqualTo(900);
        assertThat(r.getFirst().onlineTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.getFirst().terminateCause()).isEqualTo(TerminateCause.IDLE_TIMEOUT);
        assertThat(r.getFirst().startedAt()).isEqualTo(T0);
    }

    @Test
    void retransmittedAndLatePacketsChangeNothing() {
        AccountingRecord stop = packet(AccountingRecord.Type.STOP, 2_000, 3_000, 600, TerminateCause.USER_REQUEST);
        writer.record(stop);
        writer.record(stop);
        writer.record(packet(AccountingRecord.Type.INTERIM_UPDATE, 1_000, 1_000, 300, null));
        writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null));
        List<ConnectionRecord> r = report();
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().uploaded()).isEqualTo(2_000);
        assertThat(r.getFirst().onlineTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.getFirst().terminateCause()).isEqualTo(TerminateCause.USER_REQUEST);
        assertThat(r.getFirst().startedAt()).isEqualTo(T0);
    }

    @Test
    void theStartPacketSetsTheStartAndLaterEstimatesNeverMoveIt() {
        Instant start = T0.plusMillis(700);
        writer.record(new AccountingRecord(AccountingRecord.Type.START, id, world.operator.id(), hotspot.nasIdentifier(), MAC,
                null, 0, 0, 0, null, start));
        // 300 s of session time reported at T0 + 300.2 s: an estimate 0.5 s before the Start
        writer.record(new AccountingRecord(AccountingRecord.Type.INTERIM_UPDATE, id, world.operator.id(),
                hotspot.nasIdentifier(), MAC, null, 100, 200, 300, null, T0.plusMillis(300_200)));
        assertThat(report().getFirst().startedAt()).isEqualTo(start);
        assertThat(report().getFirst().uploaded()).isEqualTo(100);
    }

    @Test
    void instantsAreStoredToTheNearestMicrosecond() {
        Instant start = T0.plusNanos(123_456_789);
        Instant stop = T0.plusSeconds(600).plusNanos(999_999_600);
        writer.record(new AccountingRecord(AccountingRecord.Type.START, id, world.operator.id(), hotspot.nasIdentifier(), MAC,
                null, 0, 0, 0, null, start));
        writer.record(new AccountingRecord(AccountingRecord.Type.STOP, id, world.operator.id(), hotspot.nasIdentifier(), MAC,
                null, 10, 20, 600, TerminateCause.USER_REQUEST, stop));
        var row = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForMap(
                "select started_at, last_seen_at, ended_at from connection_session where session_key = ?", id.value());
        assertThat(instant(row.get("started_at"))).isEqualTo(T0.plusNanos(123_457_000));
        assertThat(instant(row.get("last_seen_at"))).as("rounded up into the next second").isEqualTo(T0.plusSeconds(601));
        assertThat(instant(row.get("ended_at"))).isEqualTo(T0.plusSeconds(601));
        assertThat(report().getFirst().startedAt()).isEqualTo(T0.plusNanos(123_457_000));
    }

    private static Instant instant(Object column) {
        return switch (column) {
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new AssertionError("not a timestamp: " + column.getClass());
        };
    }

    @Test
    void aStartArrivingAfterItsInterimUpdateSetsTheStart() {
        writer.record(new AccountingRecord(AccountingRecord.Type.INTERIM_UPDATE, id, world.operator.id(),
                hotspot.nasIdentifier(), MAC, null, 100, 200, 300, null, T0.plusSeconds(299)));
        assertThat(report().getFirst().startedAt()).as("estimated from the Interim-Update").isEqualTo(T0.minusSeconds(1));
        writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null));
        assertThat(report().getFirst().startedAt()).isEqualTo(T0);
        assertThat(report().getFirst().uploaded()).isEqualTo(100);
    }

    @Test
    void createsTheGuestOnFirstSightAndLinksTheSession() {
        assertThat(world.guests().findByMac(world.client.id(), MAC)).isEmpty();
        writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null));
        var guest = world.guests().findByMac(world.client.id(), MAC).orElseThrow();
        assertThat(report().getFirst().guestToken()).isEqualTo(guest.token());
        assertThat(reader.lastHotspot(world.operator.id(), world.client.id(), guest.id()).map(Hotspot::id)).contains(hotspot.id());
    }

    @Test
    void concurrentFirstSightsOfTheSameDevicesMakeOneGuestEachAndLoseNoSession() throws Exception {
        int writers = 6;
        List<MacAddress> devices = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> MacAddress.parse(String.format("02-aa-00-00-00-%02x", i))).toList();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<List<AccountingOutcome>>> done = new java.util.ArrayList<>();
        List<AccountingSessionId> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    // each writer: one batch with a session of every device (and the devices in another order)
                    List<AccountingRecord> batch = new java.util.ArrayList<>();
                    for (int d = 0; d < devices.size(); d++) {
                        MacAddress mac = devices.get((d + writer) % devices.size());
                        AccountingSessionId session = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(),
                                "fs-" + writer + "-" + d, mac.value(), "AP-1:guest");
                        sessions.add(session);
                        batch.add(new AccountingRecord(AccountingRecord.Type.START, session, world.operator.id(), hotspot.nasIdentifier(),
                                mac, null, 0, 0, 0, null, T0));
                    }
                    start.await();
                    // as the RADIUS writer does: a batch that fails is written again
                    for (int attempt = 0; ; attempt++) {
                        try {
                            return this.writer.recordAll(batch);
                        } catch (org.springframework.dao.DataAccessException e) {
                            if (attempt == 5) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            start.countDown();
            for (var f : done) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).containsOnly(AccountingOutcome.RECORDED);
            }
        } finally {
            pool.shutdownNow();
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (MacAddress mac : devices) {
            assertThat(jdbc.sql("select count(*) from guest where client_id = ? and mac_address = ?")
                    .params(world.client.id(), mac.value()).query(Long.class).single()).as("guests of " + mac.value()).isEqualTo(1L);
            long guest = world.guests().findByMac(world.client.id(), mac).orElseThrow().id();
            assertThat(jdbc.sql("select count(*) from connection_session where mac_address = ? and client_id = ? and guest_id = ?")
                    .params(mac.value(), world.client.id(), guest).query(Long.class).single())
                    .as("sessions of " + mac.value() + " with its guest").isEqualTo((long) writers);
        }
        assertThat(jdbc.sql("select count(*) from connection_session where client_id = ?").param(world.client.id())
                .query(Long.class).single()).as("sessions").isEqualTo((long) writers * devices.size());
    }

    @Test
    void aBatchOfNewAndKnownDevicesMakesGuestsOfTheNewOnesOnlyEachWithOneGuestCreatedWebhook() {
        MacAddress known = MacAddress.parse("02-bb-00-00-00-01");
        long knownGuest = world.guests().findOrCreate(world.client.id(), known).id();
        context.getBean(io.portico.webhook.WebhookService.class).configure(world.operator.id(), "https://hooks.example/accounting", null);
        MacAddress first = MacAddress.parse("02-bb-00-00-00-02");
        MacAddress second = MacAddress.parse("02-bb-00-00-00-03");
        List<AccountingRecord> batch = new java.util.ArrayList<>();
        for (MacAddress mac : List.of(known, first, second, first)) { // the first new device twice: Start, then Interim-Update
            AccountingSessionId session = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(), "mix-" + mac.value(),
                    mac.value(), "AP-1:guest");
            boolean again = batch.stream().anyMatch(r -> r.sessionId().equals(session));
            batch.add(new AccountingRecord(again ? AccountingRecord.Type.INTERIM_UPDATE : AccountingRecord.Type.START, session,
                    world.operator.id(), hotspot.nasIdentifier(), mac, null, again ? 10 : 0, 0, again ? 60 : 0, null,
                    T0.plusSeconds(again ? 60 : 0)));
        }
        assertThat(writer.recordAll(batch)).containsOnly(AccountingOutcome.RECORDED);
        // the same batch again (a retransmission after a lost reply) changes nothing
        assertThat(writer.recordAll(batch)).containsOnly(AccountingOutcome.RECORDED);

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (MacAddress mac : List.of(known, first, second)) {
            assertThat(jdbc.sql("select count(*) from guest where client_id = ? and mac_address = ?").params(world.client.id(), mac.value())
                    .query(Long.class).single()).as("guests of " + mac.value()).isEqualTo(1L);
            long guest = world.guests().findByMac(world.client.id(), mac).orElseThrow().id();
            assertThat(jdbc.sql("select count(*) from connection_session where client_id = ? and guest_id = ?")
                    .params(world.client.id(), guest).query(Long.class).single()).as("sessions of " + mac.value()).isEqualTo(1L);
        }
        assertThat(world.guests().findByMac(world.client.id(), known).orElseThrow().id()).isEqualTo(knownGuest);
        assertThat(jdbc.sql("select payload_json from webhook_delivery where operator_id = ? and event_type = 'GuestCreated'")
                .param(world.operator.id()).query(String.class).list())
                .as("one GuestCreated for each device accounting made a guest, none for the known one")
                .hasSize(2).anyMatch(p -> p.contains(first.value())).anyMatch(p -> p.contains(second.value()))
                .noneMatch(p -> p.contains(known.value()));
        assertThat(jdbc.sql("select input_octets from connection_session where mac_address = ? and client_id = ?")
                .params(first.value(), world.client.id()).query(Long.class).single()).isEqualTo(10L);
    }

    @Test
    void aDeviceAnotherTransactionMakesAGuestWhileTheBatchIsWrittenGetsThatGuestAndNoSecond() throws Exception {
        assumeTrue(DatabaseTarget.current() == DatabaseTarget.POSTGRES,
                "PostgreSQL's one first-seen statement: a guest committed after it began is invisible to it");
        MacAddress raced = MacAddress.parse("02-cc-00-00-00-01");
        MacAddress fresh = MacAddress.parse("02-cc-00-00-00-02");
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        var inserted = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // the portal (say) makes the device a guest and commits only once the batch's statement waits on that row
            var portal = pool.submit(() -> transactions.executeWithoutResult(status -> {
                world.guests().findOrCreate(world.client.id(), raced);
                inserted.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            inserted.await();
            List<AccountingRecord> batch = new java.util.ArrayList<>();
            for (MacAddress mac : List.of(raced, fresh)) {
                batch.add(new AccountingRecord(AccountingRecord.Type.START, AccountingSessionId.of(world.operator.id(),
                        hotspot.nasIdentifier(), "race-" + mac.value(), mac.value(), "AP-1:guest"), world.operator.id(),
                        hotspot.nasIdentifier(), mac, null, 0, 0, 0, null, T0));
            }
            var accounting = pool.submit(() -> writer.recordAll(batch));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%new_guest%'")
                    .query(Long.class).single() > 0);
            commit.countDown();
            portal.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(accounting.get(30, java.util.concurrent.TimeUnit.SECONDS)).containsOnly(AccountingOutcome.RECORDED);
            for (MacAddress mac : List.of(raced, fresh)) {
                assertThat(jdbc.sql("select count(*) from guest where client_id = ? and mac_address = ?")
                        .params(world.client.id(), mac.value()).query(Long.class).single()).as("guests of " + mac.value()).isEqualTo(1L);
                long guest = world.guests().findByMac(world.client.id(), mac).orElseThrow().id();
                assertThat(jdbc.sql("select guest_id from connection_session where client_id = ? and mac_address = ?")
                        .params(world.client.id(), mac.value()).query(Long.class).single()).as("session of " + mac.value()).isEqualTo(guest);
            }
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        // the next packet of the raced device finds its guest cached: no guest look-up, still linked
        writer.record(new AccountingRecord(AccountingRecord.Type.INTERIM_UPDATE, AccountingSessionId.of(world.operator.id(),
                hotspot.nasIdentifier(), "race-" + raced.value(), raced.value(), "AP-1:guest"), world.operator.id(),
                hotspot.nasIdentifier(), raced, null, 5, 5, 60, null, T0.plusSeconds(60)));
        assertThat(context.getBean(io.portico.connection.internal.DeviceGuestIds.class).find(world.client.id(), raced))
                .isEqualTo(world.guests().findByMac(world.client.id(), raced).orElseThrow().id());
    }

    @Test
    void batchRecordsKnownHotspotsAndReportsUnknownOnes() {
        AccountingRecord unknown = new AccountingRecord(AccountingRecord.Type.START, id, world.operator.id(), "NO-SUCH-NAS",
                MAC, null, 0, 0, 0, null, T0);
        AccountingSessionId other = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(), "81000002",
                "AA-BB-CC-DD-EE-FF", "AP-2:guest");
        AccountingRecord second = new AccountingRecord(AccountingRecord.Type.STOP, other, world.operator.id(),
                hotspot.nasIdentifier(), MAC, null, 1, 1, 60, TerminateCause.LOST_SERVICE, T0.plus(Duration.ofHours(2)));
        var outcomes = writer.recordAll(List.of(packet(AccountingRecord.Type.START, 0, 0, 0, null), unknown, second));
        assertThat(outcomes).containsExactly(AccountingOutcome.RECORDED, AccountingOutcome.UNKNOWN_HOTSPOT, AccountingOutcome.RECORDED);
        assertThat(report()).hasSize(2);
    }

    @Test
    void sessionIdsDifferByEveryPart() {
        var base = AccountingSessionId.of(1, "NAS", "S", "A", "B");
        assertThat(base).isEqualTo(AccountingSessionId.of(1, "NAS", "S", "A", "B"));
        assertThat(List.of(AccountingSessionId.of(2, "NAS", "S", "A", "B"), AccountingSessionId.of(1, "NAS2", "S", "A", "B"),
                AccountingSessionId.of(1, "NAS", "S2", "A", "B"), AccountingSessionId.of(1, "NAS", "S", "A2", "B"),
                AccountingSessionId.of(1, "NAS", "S", "A", "B2"))).doesNotContain(base);
    }

    @Test
    void erasingAGuestAnonymisesItsConnections() {
        writer.record(packet(AccountingRecord.Type.STOP, 1, 1, 60, TerminateCause.USER_REQUEST));
        var guest = world.guests().findByMac(world.client.id(), MAC).orElseThrow();
        AtomicReference<ConnectionRecord> before = new AtomicReference<>(report().getFirst());
        var actor = new io.portico.platform.Actor(world.operator.id(), 1, "dpo@example.com", "DPO",
                java.util.Set.of(io.portico.platform.Role.DOMAIN_ADMINISTRATORS), io.portico.platform.RequestOrigin.SYSTEM);
        world.guests().erase(actor, world.client.id(), guest.id());
        ConnectionRecord after = report().getFirst();
        assertThat(world.guests().findByMac(world.client.id(), MAC)).isEmpty();
        assertThat(after.guestToken()).isNull();
        assertThat(after.macAddress()).isNotEqualTo(MAC);
        assertThat(after.uploaded()).isEqualTo(before.get().uploaded());
    }

    private AccountingRecord fromNas(AccountingRecord.Type type, long nasClientId, long seconds, Duration interim,
                                     TerminateCause cause) {
        Instant at = T0.plusSeconds(seconds);
        return new AccountingRecord(type, id, world.operator.id(), hotspot.nasIdentifier(), MAC, null, seconds, seconds,
                seconds, cause, at, new NasSession(nasClientId, "192.0.2.10", "81000001", "guest-user", "10.0.0.7",
                at.plus(interim.multipliedBy(2)).plusSeconds(120)));
    }

    @Test
    void keepsTheNasSideForDisconnectAndClosesItsOpenSessionsOnAccountingOn() {
        long nas = 4_000_000 + world.operator.id();
        writer.record(fromNas(AccountingRecord.Type.START, nas, 0, Duration.ofMinutes(5), null));
        assertThat(reader.openNasSessions(MAC)).filteredOn(s -> s.nasClientId() == nas)
                .singleElement().satisfies(s -> assertThat(s).isEqualTo(new OpenNasSession(nas, "192.0.2.10",
                        hotspot.nasIdentifier(), "81000001", "guest-user", MAC, s.sessionId())))
                .extracting(OpenNasSession::sessionId).isNotEqualTo(0L);

        assertThat(writer.closeOpenSessionsOfNas(nas + 1, T0.plusSeconds(10), true)).as("another NAS's reset").isZero();
        assertThat(writer.closeOpenSessionsOfNas(nas, T0.plusSeconds(10), true)).isEqualTo(1);
        assertThat(reader.openNasSessions(MAC)).noneMatch(s -> s.nasClientId() == nas);
        assertThat(report().getFirst().terminateCause()).isEqualTo(TerminateCause.NAS_REBOOT);

        // The NAS reports the session again after its reboot: it is alive, so it reopens...
        writer.record(fromNas(AccountingRecord.Type.INTERIM_UPDATE, nas, 300, Duration.ofMinutes(5), null));
        assertThat(reader.openNasSessions(MAC)).anyMatch(s -> s.nasClientId() == nas);
        assertThat(report().getFirst().terminateCause()).isNull();
        // ...and its Stop is final: a later reset or a retransmitted older packet leaves it closed.
        writer.record(fromNas(AccountingRecord.Type.STOP, nas, 600, Duration.ofMinutes(5), TerminateCause.USER_REQUEST));
        assertThat(writer.closeOpenSessionsOfNas(nas, T0.plusSeconds(900), false)).isZero();
        writer.record(fromNas(AccountingRecord.Type.INTERIM_UPDATE, nas, 900, Duration.ofMinutes(5), null));
        ConnectionRecord done = report().getFirst();
        assertThat(done.terminateCause()).isEqualTo(TerminateCause.USER_REQUEST);
        assertThat(done.uploaded()).as("counters still only grow").isEqualTo(900);
        assertThat(reader.openNasSessions(MAC)).noneMatch(s -> s.nasClientId() == nas);
    }

    @Test
    void closesSessionsPastTheirOwnStaleDeadlineAndReopensThemWhenReportedAgain() {
        long nas = 5_000_000 + world.operator.id();
        Duration interim = Duration.ofMinutes(1);
        writer.record(fromNas(AccountingRecord.Type.START, nas, 0, interim, null));
        Instant deadline = T0.plus(interim.multipliedBy(2)).plusSeconds(120);
        Instant longAgo = T0.minus(Duration.ofDays(1)); // sessions without a deadline of their own are not concerned

        writer.closeStaleSessions(deadline.minusSeconds(1), longAgo);
        assertThat(reader.openNasSessions(MAC)).anyMatch(s -> s.nasClientId() == nas);
        writer.closeStaleSessions(deadline.plusSeconds(1), longAgo);
        assertThat(reader.openNasSessions(MAC)).noneMatch(s -> s.nasClientId() == nas);
        assertThat(report().getFirst().terminateCause()).isEqualTo(TerminateCause.LOST_SERVICE);
        assertThat(report().getFirst().onlineTime()).as("ended at its last update").isEqualTo(Duration.ZERO);

        writer.record(fromNas(AccountingRecord.Type.INTERIM_UPDATE, nas, 400, interim, null));
        assertThat(reader.openNasSessions(MAC)).anyMatch(s -> s.nasClientId() == nas);
        assertThat(report().getFirst().terminateCause()).isNull();
    }

    @Test
    void closesSilentSessionsWithoutADeadlineByTheDefaultOne() {
        writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null));
        writer.closeStaleSessions(T0, T0.minusSeconds(1));
        assertThat(report().getFirst().terminateCause()).isNull();
        writer.closeStaleSessions(T0, T0.plusSeconds(1));
        assertThat(report().getFirst().terminateCause()).isEqualTo(TerminateCause.LOST_SERVICE);
    }

    @Test
    void aBatchCarryingASessionsStartInterimAndStopStoresOneRow() {
        var outcomes = writer.recordAll(List.of(packet(AccountingRecord.Type.START, 0, 0, 0, null),
                packet(AccountingRecord.Type.STOP, 20, 30, 600, TerminateCause.USER_REQUEST),
                packet(AccountingRecord.Type.INTERIM_UPDATE, 10, 15, 300, null)));
        assertThat(outcomes).containsOnly(AccountingOutcome.RECORDED);
        List<ConnectionRecord> r = report();
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().uploaded()).isEqualTo(20);
        assertThat(r.getFirst().onlineTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.getFirst().terminateCause()).isEqualTo(TerminateCause.USER_REQUEST);
        assertThat(r.getFirst().startedAt()).isEqualTo(T0);
    }

    @Test
    void aGuestErasedOnAnotherInstanceIsResolvedAfreshAfterOneFailedWrite() {
        writer.record(packet(AccountingRecord.Type.START, 0, 0, 0, null));
        long erased = world.guests().findByMac(world.client.id(), MAC).orElseThrow().id();
        // Another instance erases the guest: its sessions detached, its row gone, and no event reaches this one.
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("update connection_session set guest_id = null where guest_id = ?").param(erased).update();
        jdbc.sql("delete from guest where id = ?").param(erased).update();

        AccountingRecord next = packet(AccountingRecord.Type.INTERIM_UPDATE, 5, 5, 60, null);
        assertThatThrownBy(() -> writer.record(next)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(writer.record(next)).as("the RADIUS writer's retry").isEqualTo(AccountingOutcome.RECORDED);
        var guest = world.guests().findByMac(world.client.id(), MAC).orElseThrow();
        assertThat(guest.id()).isNotEqualTo(erased);
        assertThat(report().getFirst().guestToken()).isEqualTo(guest.token());
    }

    @Test
    void sessionsReferenceTheirGuestButLockNoRowSharedWithOtherSessions() throws Exception {
        java.util.Set<String> parents = new java.util.TreeSet<>();
        try (var connection = context.getBean(javax.sql.DataSource.class).getConnection();
             var keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), "connection_session")) {
            while (keys.next()) {
                parents.add(keys.getString("PKTABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(parents).containsExactly("guest");
    }
}
