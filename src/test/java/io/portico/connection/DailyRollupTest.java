package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.portico.connection.internal.DailyRollup;
import io.portico.connection.persistence.InsightRepository;
import io.portico.connection.persistence.RollupRepository;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;

/**
 * The overview's daily rollup gives the figures the sessions give: for the operator, a client and a
 * venue, in zones whose days start at odd UTC hours (New York across its spring change, Kolkata at
 * +05:30), with sessions on the day boundaries, devices seen at two hotspots, open sessions that end
 * after the day was rolled up and sessions that arrive days late. Today comes from the hourly rollup and
 * the sessions of the hour not rolled up; its devices, and the busiest hotspots', are estimates within
 * the sketches' error ({@link StatsAssert}).
 */
@PorticoIntegrationTest
class DailyRollupTest {

    /** The Monday after New York's clocks moved on 8 March 2026 (a 23-hour day in the window). */
    private static final Instant NOW = Instant.parse("2026-03-09T15:30:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneOffset.UTC);

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConnectionInsights insights;
    @Autowired InsightRepository sessions;
    @Autowired RollupRepository rollups;
    @Autowired DailyRollup rollup;

    private RollupWorld world;
    private Actor actor;
    private Client client;
    private Client otherClient;
    private long venue;
    private final List<Long> hotspots = new ArrayList<>();

    @BeforeEach
    void world() {
        clock.fix(NOW);
        world = new RollupWorld(jdbc);
        Operator operator = fixtures.operator();
        actor = new Actor(operator.id(), 1, "staff@example.com", "Staff", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
        client = fixtures.client(operator, "Rollup " + Fixtures.unique());
        otherClient = fixtures.client(operator, "Rollup other " + Fixtures.unique());
        venue = venue(client, "America/New_York");
        long kolkata = venue(otherClient, "Asia/Kolkata");
        hotspots.add(hotspot(client, venue));
        hotspots.add(hotspot(client, venue));
        hotspots.add(hotspot(otherClient, kolkata));
        // Every 97 minutes for 36 days, at a hotspot and by a device chosen so devices recur across hotspots and days.
        for (int i = 0; i < 36 * 24 * 60 / 97; i++) {
            Instant start = NOW.minus(Duration.ofMinutes(97L * i + 3));
            session(hotspots.get(i % 3), (i * 7) % 23, start, i % 11 == 0 ? null : start.plusSeconds(600), 1000L * i);
        }
        // On the local midnights of New York and Kolkata, and a second before them.
        for (ZoneId zone : ZONES) {
            for (int d = 1; d < 30; d += 4) {
                Instant midnight = LocalDate.ofInstant(NOW, zone).minusDays(d).atStartOfDay(zone).toInstant();
                session(hotspots.get(d % 3), 40 + d, midnight, midnight.plusSeconds(60), 7);
                session(hotspots.get((d + 1) % 3), 40 + d, midnight.minusSeconds(1), midnight.plusSeconds(60), 11);
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rolledUpDaysGiveTheFiguresTheSessionsGive() {
        rollup.run();

        for (ZoneId zone : ZONES) {
            assertThat(rollups.rolledDays(DailyRollup.key(zone), LocalDate.ofInstant(NOW, zone).minusDays(29),
                    LocalDate.ofInstant(NOW, zone))).as("closed days rolled up in " + zone).hasSize(29);
        }
        assertSameAsSessions();
    }

    @Test
    void lateSessionsAndLateStopsAreRolledUpAgain() {
        rollup.run();
        assertSameAsSessions();

        // A session of ten days ago reported only now, and the Stop of a session left open on a closed day.
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        session(hotspots.get(0), 99, tenDaysAgo, tenDaysAgo.plusSeconds(300), 123_456_789);
        jdbc.update("update connection_session set ended_at = started_at + interval '1' hour, closed_by = 'nas', input_octets = 555555555"
                + " where hotspot_id = ? and ended_at is null and started_at < ?", hotspots.get(1), utc(NOW.minus(Duration.ofDays(2))));
        assertThat(insights.stats(actor, Optional.empty(), Optional.empty(), ZONES.get(0), starts(ZONES.get(0))))
                .as("the rollup is what the overview reads: before the task runs again it does not know the late records")
                .isNotEqualTo(sessions.stats(actor.operatorId(), Optional.empty(), Optional.empty(), starts(ZONES.get(0))));

        assertThat(rollup.run()).isPositive();
        assertSameAsSessions();
        // A later run still gives the sessions' figures. (How many days it rolls up again is not asserted:
        // the test database is shared with other cached application contexts whose connection-rollup task
        // runs on their own clocks and may prune or roll up these days in between.)
        clock.advance(Duration.ofMinutes(5));
        rollup.run();
        assertSameAsSessions();
    }

    @Test
    void forgottenDaysAreCountedFromTheSessionsUntilRolledUpAgain() {
        rollup.run();
        LocalDate first = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(20);
        rollups.forgetFrom(first);
        assertThat(rollups.rolledDays("Z", first, LocalDate.ofInstant(NOW, ZoneOffset.UTC))).isEmpty();
        assertSameAsSessions();
        rollup.run();
        assertThat(rollups.rolledDays("Z", first, LocalDate.ofInstant(NOW, ZoneOffset.UTC))).isNotEmpty();
        assertSameAsSessions();
    }

    @Test
    void runsAtTheSameTimeLeaveEachDayToOneOfThem() throws Exception {
        // The task on another instance, or a direct run while the task runs: both replace the same days.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                rollups.forgetFrom(LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(DailyRollup.WINDOW_DAYS + 2));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return rollup.run();
                    }));
                }
                for (Future<Integer> run : runs) {
                    assertThat(run.get(120, TimeUnit.SECONDS)).as("days and hours rolled up by one run").isNotNegative();
                }
                for (ZoneId zone : ZONES) {
                    assertThat(rollups.rolledDays(DailyRollup.key(zone), LocalDate.ofInstant(NOW, zone).minusDays(29),
                            LocalDate.ofInstant(NOW, zone))).as("closed days rolled up in " + zone + ", round " + round).hasSize(29);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertSameAsSessions();
    }

    private void assertSameAsSessions() {
        for (ZoneId zone : ZONES) {
            List<Instant> starts = starts(zone);
            for (Optional<Long>[] scope : scopes()) {
                StatsAssert.assertMatches(insights.stats(actor, scope[0], scope[1], zone, starts),
                        sessions.stats(actor.operatorId(), scope[0], scope[1], starts), "zone " + zone + ", client " + scope[0] + ", venue " + scope[1]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Optional<Long>[]> scopes() {
        return List.of(new Optional[] {Optional.empty(), Optional.empty()}, new Optional[] {Optional.of(client.id()), Optional.empty()},
                new Optional[] {Optional.of(otherClient.id()), Optional.empty()}, new Optional[] {Optional.empty(), Optional.of(venue)});
    }

    private static List<Instant> starts(ZoneId zone) {
        return RollupWorld.starts(NOW, zone);
    }

    private long venue(Client owner, String zone) {
        return world.venue(actor.operatorId(), owner.id(), zone);
    }

    private long hotspot(Client owner, long venueId) {
        return world.hotspot(actor.operatorId(), owner.id(), venueId);
    }

    private void session(long hotspot, int device, Instant start, Instant end, long octets) {
        world.session(hotspot, String.format("02-00-00-00-%02X-%02X", (actor.operatorId() % 256), device), start, end, octets);
        world.flush();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return RollupWorld.utc(instant);
    }
}
