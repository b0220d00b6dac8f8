package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import io.portico.connection.internal.DailyRollup;
import io.portico.connection.persistence.HourRollupRepository;
import io.portico.connection.persistence.InsightRepository;
import io.portico.guest.GuestErased;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;

/**
 * Today on the overview comes from the hourly rollup's whole UTC hours plus the sessions of the rest
 * (Kolkata's day starts at half past an hour; the current hour is not rolled up), and gives the
 * sessions' figures: sessions and data exactly, devices within the sketches' error. Hours are rolled
 * again when a late session or a Stop changes them, and forgotten when an erasure changes MACs; another
 * operator's sessions never count.
 */
@PorticoIntegrationTest
class HourlyRollupTest {

    private static final Instant NOW = Instant.parse("2026-05-20T10:20:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"), ZoneOffset.UTC);

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConnectionInsights insights;
    @Autowired InsightRepository sessions;
    @Autowired HourRollupRepository hours;
    @Autowired DailyRollup rollup;
    @Autowired ApplicationEventPublisher events;

    private Actor actor;
    private Client client;
    private long venue;
    private final List<Long> hotspots = new ArrayList<>();
    private long otherHotspot;
    private RollupWorld world;

    @BeforeEach
    void world() {
        clock.fix(NOW);
        world = new RollupWorld(jdbc);
        Operator operator = fixtures.operator();
        actor = actor(operator);
        client = fixtures.client(operator, "Hourly " + Fixtures.unique());
        Client second = fixtures.client(operator, "Hourly second " + Fixtures.unique());
        venue = venue(operator, client, "Asia/Kolkata");
        hotspots.add(hotspot(operator, client, venue));
        hotspots.add(hotspot(operator, client, venue));
        hotspots.add(hotspot(operator, second, venue(operator, second, "America/New_York")));
        Operator other = fixtures.operator();
        Client theirs = fixtures.client(other, "Hourly theirs " + Fixtures.unique());
        otherHotspot = hotspot(other, theirs, venue(other, theirs, "Asia/Kolkata"));
        // Every 4 minutes for 3 days, devices recurring across hours and hotspots, some left open; the other
        // operator's hotspot has the same devices at the same times.
        for (int i = 0; i < 3 * 24 * 15; i++) {
            Instant start = NOW.minus(Duration.ofMinutes(4L * i + 1));
            Instant end = i % 13 == 0 ? null : start.plusSeconds(300);
            session(hotspots.get(i % 3), (i * 7) % 37, start, end, 1_000L * i);
            session(otherHotspot, (i * 7) % 37, start, end, 5_000_000L);
        }
        // Around Kolkata's midnight (18:30 UTC) and inside its leading half hour.
        Instant midnight = LocalDate.ofInstant(NOW, ZONES.get(0)).atStartOfDay(ZONES.get(0)).toInstant();
        session(hotspots.get(0), 50, midnight.minusSeconds(1), midnight.plusSeconds(60), 7);
        session(hotspots.get(0), 51, midnight, midnight.plusSeconds(60), 11);
        session(hotspots.get(1), 52, midnight.plusSeconds(29 * 60 + 59), midnight.plusSeconds(2_000), 13);
        flush();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void todayFromRolledHoursAndTheRestOfTheSessionsGivesTheSessionsFigures() {
        rollup.run();

        Instant current = NOW.truncatedTo(ChronoUnit.HOURS);
        assertThat(hours.rolledHours(current.minus(Duration.ofHours(26)), current.plus(Duration.ofHours(1))))
                .as("closed hours rolled up, the current one not").hasSize(26);
        assertSameAsSessions();
        assertThat(today(ZONES.get(0), Optional.empty(), Optional.empty()).devicesEstimated())
                .as("today's devices merge the hours' sketches").isTrue();
    }

    @Test
    void aSessionArrivingLateIntoARolledHourIsCountedOnceTheHourIsRolledAgain() {
        rollup.run();
        Instant rolledHour = NOW.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        session(hotspots.get(1), 99, rolledHour.plusSeconds(600), rolledHour.plusSeconds(900), 987_654_321);
        flush();
        ConnectionStats.Day before = today(ZoneOffset.UTC, Optional.empty(), Optional.empty());
        assertThat(before.sessions()).as("the hour is read from its rollup until the task runs again")
                .isEqualTo(exactToday(ZoneOffset.UTC, Optional.empty(), Optional.empty()).sessions() - 1);

        clock.advance(Duration.ofMinutes(5));
        rollup.run();
        assertSameAsSessions();
    }

    @Test
    void anHourWithAnOpenSessionIsRolledAgainWhenItsStopRaisesTheData() {
        rollup.run();
        Instant current = NOW.truncatedTo(ChronoUnit.HOURS);
        long id = jdbc.queryForObject("select min(id) from connection_session where hotspot_id in (?, ?, ?)"
                + " and ended_at is null and started_at >= ? and started_at < ?", Long.class, hotspots.get(0), hotspots.get(1), hotspots.get(2),
                utc(current.minus(Duration.ofHours(6))), utc(current.minus(Duration.ofHours(1))));
        Instant hour = jdbc.queryForObject("select started_at from connection_session where id = ?", OffsetDateTime.class, id).toInstant()
                .truncatedTo(ChronoUnit.HOURS);
        assertThat(hours.rolledHours(hour, hour.plus(Duration.ofHours(1))).get(hour).openSessions()).isPositive();
        long[] rolled = hours.figures(hour, hour.plus(Duration.ofHours(1)), actor.operatorId(), Optional.empty(), Optional.empty());

        jdbc.update("update connection_session set input_octets = input_octets + 4000000000, ended_at = ?, closed_by = 'nas' where id = ?",
                utc(NOW.minusSeconds(30)), id);
        clock.advance(Duration.ofMinutes(5));
        rollup.run();

        assertThat(hours.figures(hour, hour.plus(Duration.ofHours(1)), actor.operatorId(), Optional.empty(), Optional.empty())[1])
                .isEqualTo(rolled[1] + 4_000_000_000L);
        assertSameAsSessions();
    }

    @Test
    void anotherOperatorsSessionsAreNeverCounted() {
        rollup.run();
        Instant from = LocalDate.ofInstant(NOW, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        long ours = jdbc.queryForObject("select count(*) from connection_session where hotspot_id in (?, ?, ?) and started_at >= ?", Long.class,
                hotspots.get(0), hotspots.get(1), hotspots.get(2), utc(from));
        ConnectionStats stats = insights.stats(actor, Optional.empty(), Optional.empty(), ZoneOffset.UTC, starts(ZoneOffset.UTC));
        assertThat(stats.days().getLast().sessions()).isEqualTo(ours);
        assertThat(stats.busiest()).extracting(ConnectionStats.HotspotFigure::hotspotId).containsExactlyInAnyOrderElementsOf(hotspots);
        assertThat(stats.days()).allSatisfy(d -> assertThat(d.inputOctets()).isLessThan(5_000_000L * 300));
    }

    @Test
    void theBusiestHotspotsDevicesOverTheWindowComeFromTheSketchesNotFromThirtyDaysOfSessions() {
        rollup.run();
        ConnectionStats before = insights.stats(actor, Optional.empty(), Optional.empty(), ZoneOffset.UTC, starts(ZoneOffset.UTC));
        StatsAssert.assertMatches(before, sessions.stats(actor.operatorId(), Optional.empty(), Optional.empty(), starts(ZoneOffset.UTC)),
                "before");
        // Behind the rollup's back, every session of the closed days at the first hotspot gets a device of its own.
        Instant today = LocalDate.ofInstant(NOW, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.update("update connection_session set mac_address = concat('02-AA-', substring(session_key, 1, 2), '-', substring(session_key, 3, 2),"
                + " '-', substring(session_key, 5, 2), '-', substring(session_key, 7, 2)) where hotspot_id = ? and started_at < ?",
                hotspots.get(0), utc(today.minus(Duration.ofDays(1))));

        ConnectionStats after = insights.stats(actor, Optional.empty(), Optional.empty(), ZoneOffset.UTC, starts(ZoneOffset.UTC));
        ConnectionStats raw = sessions.stats(actor.operatorId(), Optional.empty(), Optional.empty(), starts(ZoneOffset.UTC));
        assertThat(raw.busiest()).as("the sessions now count many more devices").anySatisfy(h -> assertThat(h.devices()).isGreaterThan(150));
        assertThat(after.busiest()).as("the overview still merges the rolled days' sketches").isEqualTo(before.busiest());
    }

    @Test
    void aGuestsErasureForgetsTheRolledHoursFromTheirFirstSessionUntilTheyAreRolledAgain() {
        rollup.run();
        UUID token = UUID.randomUUID();
        jdbc.update("insert into guest (client_id, token, mac_address, created_at, updated_at) values (?, ?, '02-00-00-00-00-01',"
                + " current_timestamp, current_timestamp)", client.id(), token);
        long guest = jdbc.queryForObject("select id from guest where token = ?", Long.class, token);
        Instant first = NOW.minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);
        jdbc.update("update connection_session set guest_id = ? where hotspot_id = ? and started_at >= ?", guest, hotspots.get(0), utc(first));
        Instant current = NOW.truncatedTo(ChronoUnit.HOURS);
        assertThat(hours.rolledHours(first, current)).hasSize(5);

        events.publishEvent(new GuestErased(client.id(), guest));

        assertThat(hours.rolledHours(first, current)).as("the new MAC changes those hours' sketches").isEmpty();
        assertThat(hours.rolledHours(first.minus(Duration.ofHours(3)), first)).hasSize(3);
        assertSameAsSessions();
        rollup.run();
        assertThat(hours.rolledHours(first, current)).hasSize(5);
        assertSameAsSessions();
    }

    @Test
    void thousandsOfDevicesAreEstimatedWithinTheSketchError() {
        // 5,000 more devices, each seen three times today, and 5,000 on the two days before, 2,000 of them the same.
        for (int i = 0; i < 15_000; i++) {
            Instant start = NOW.minus(Duration.ofSeconds(2L * i + 5));
            session(hotspots.get(i % 2), 1_000 + i % 5_000, start, start.plusSeconds(60), 10);
        }
        for (int i = 0; i < 5_000; i++) {
            Instant start = NOW.minus(Duration.ofDays(1)).minus(Duration.ofSeconds(20L * i));
            session(hotspots.get(i % 2), 4_000 + i, start, start.plusSeconds(60), 10);
        }
        flush();
        rollup.run();
        assertSameAsSessions();
        ConnectionStats.Day today = today(ZoneOffset.UTC, Optional.of(client.id()), Optional.empty());
        assertThat(today.devicesEstimated()).isTrue();
        assertThat(exactToday(ZoneOffset.UTC, Optional.of(client.id()), Optional.empty()).devices()).isGreaterThan(4_000);
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

    private ConnectionStats.Day today(ZoneId zone, Optional<Long> clientId, Optional<Long> venueId) {
        return insights.stats(actor, clientId, venueId, zone, starts(zone)).days().getLast();
    }

    private ConnectionStats.Day exactToday(ZoneId zone, Optional<Long> clientId, Optional<Long> venueId) {
        return sessions.stats(actor.operatorId(), clientId, venueId, starts(zone)).days().getLast();
    }

    @SuppressWarnings("unchecked")
    private List<Optional<Long>[]> scopes() {
        return List.of(new Optional[] {Optional.empty(), Optional.empty()}, new Optional[] {Optional.of(client.id()), Optional.empty()},
                new Optional[] {Optional.empty(), Optional.of(venue)});
    }

    private static List<Instant> starts(ZoneId zone) {
        return RollupWorld.starts(NOW, zone);
    }

    private static Actor actor(Operator operator) {
        return new Actor(operator.id(), 1, "staff@example.com", "Staff", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    private long venue(Operator operator, Client owner, String zone) {
        return world.venue(operator.id(), owner.id(), zone);
    }

    private long hotspot(Operator operator, Client owner, long venueId) {
        return world.hotspot(operator.id(), owner.id(), venueId);
    }

    private void session(long hotspot, int device, Instant start, Instant end, long octets) {
        world.session(hotspot, String.format("02-%02X-00-%02X-%02X-%02X", actor.operatorId() % 256, (device >> 16) & 0xFF, (device >> 8) & 0xFF,
                device & 0xFF), start, end, octets);
    }

    private void flush() {
        world.flush();
    }

    private static OffsetDateTime utc(Instant instant) {
        return RollupWorld.utc(instant);
    }
}
