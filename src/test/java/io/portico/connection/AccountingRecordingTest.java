package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.guest.MacAddress;
import io.portico.hotspot.Hotspot;
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
    ConnectionService connections;

    GuestWorld world;
    Hotspot hotspot;
    AccountingSessionId id;

    @BeforeEach
    void setUp() {
        world = new GuestWorld(context, "Accounting Co");
        hotspot = world.hotspot("Gate");
        id = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(), "81000001", "AA-BB-CC-DD-EE-FF", "AP-1:guest");
    }

    private AccountingRecord packet(AccountingRecord.Type type, long in, long inGiga, long out, long seconds,
                                    TerminateCause cause) {
        return new AccountingRecord(type, id, world.operator.id(), hotspot.nasIdentifier(), MAC, null, in, inGiga, out, 0,
                seconds, cause, T0.plusSeconds(seconds));
    }

    private List<ConnectionRecord> report() {
        List<ConnectionRecord> out = new java.util.ArrayList<>();
        connections.report(world.client.id(), new ConnectionQuery(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                java.util.Set.of()), out::add);
        return out;
    }

    @Test
    void startInterimStopMakeOneSessionWithGigawords() {
        assertThat(connections.record(packet(AccountingRecord.Type.START, 0, 0, 0, 0, null))).isEqualTo(AccountingOutcome.RECORDED);
        connections.record(packet(AccountingRecord.Type.INTERIM_UPDATE, 500, 0, 700, 300, null));
        connections.record(packet(AccountingRecord.Type.STOP, 10, 1, 900, 600, TerminateCause.IDLE_TIMEOUT));
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
        AccountingRecord stop = packet(AccountingRecord.Type.STOP, 2_000, 0, 3_000, 600, TerminateCause.USER_REQUEST);
        connections.record(stop);
        connections.record(stop);
        connections.record(packet(AccountingRecord.Type.INTERIM_UPDATE, 1_000, 0, 1_000, 300, null));
        connections.record(packet(AccountingRecord.Type.START, 0, 0, 0, 0, null));
        List<ConnectionRecord> r = report();
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().uploaded()).isEqualTo(2_000);
        assertThat(r.getFirst().onlineTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.getFirst().terminateCause()).isEqualTo(TerminateCause.USER_REQUEST);
        assertThat(r.getFirst().startedAt()).isEqualTo(T0);
    }

    @Test
    void createsTheGuestOnFirstSightAndLinksTheSession() {
        assertThat(world.guests().findByMac(world.client.id(), MAC)).isEmpty();
        connections.record(packet(AccountingRecord.Type.START, 0, 0, 0, 0, null));
        var guest = world.guests().findByMac(world.client.id(), MAC).orElseThrow();
        assertThat(report().getFirst().guestToken()).isEqualTo(guest.token());
        assertThat(connections.lastHotspot(world.operator.id(), world.client.id(), guest.id()).map(Hotspot::id)).contains(hotspot.id());
    }

    @Test
    void batchRecordsKnownHotspotsAndReportsUnknownOnes() {
        AccountingRecord unknown = new AccountingRecord(AccountingRecord.Type.START, id, world.operator.id(), "NO-SUCH-NAS",
                MAC, null, 0, 0, 0, 0, 0, null, T0);
        AccountingSessionId other = AccountingSessionId.of(world.operator.id(), hotspot.nasIdentifier(), "81000002",
                "AA-BB-CC-DD-EE-FF", "AP-2:guest");
        AccountingRecord second = new AccountingRecord(AccountingRecord.Type.STOP, other, world.operator.id(),
                hotspot.nasIdentifier(), MAC, null, 1, 0, 1, 0, 60, TerminateCause.LOST_SERVICE, T0.plus(Duration.ofHours(2)));
        var outcomes = connections.recordAll(List.of(packet(AccountingRecord.Type.START, 0, 0, 0, 0, null), unknown, second));
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
        connections.record(packet(AccountingRecord.Type.STOP, 1, 0, 1, 60, TerminateCause.USER_REQUEST));
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
}
