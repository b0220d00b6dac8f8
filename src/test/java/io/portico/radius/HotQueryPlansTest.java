package io.portico.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.portico.connection.persistence.ConnectionRepository;
import io.portico.connection.persistence.RollupRepository;
import io.portico.platform.PlannerStatistics;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.subscription.persistence.EndingSubscriptionRepository;
import io.portico.support.DatabaseTarget;

/**
 * The statements every RADIUS request runs (Access-Request look-ups, the accounting write, the
 * resident look-ups) and the periodic ones on the session tables keep an index plan on PostgreSQL
 * when the statistics are stale: the tables were analysed while tiny (one client, as after a first
 * start), then filled with a realistic amount of data and never analysed again, as on a server
 * without autovacuum. Each statement is checked both as a custom plan and as the generic plan a
 * JDBC prepared statement gets after its fifth execution. The statements are the repositories'
 * own (their constants, or copies of the short ones written in their methods).
 */
@Tag("database")
class HotQueryPlansTest {

    /**
     * Tables bigger than this many pages must not be read whole; smaller ones (plans, profiles, a
     * few hundred gateways) are cheaper to scan than to look up through an index.
     */
    static final int SMALL_PAGES = 16;

    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;
    static Set<String> big;

    @BeforeAll
    static void load(@TempDir Path dir) {
        assumeTrue(DatabaseTarget.current() == DatabaseTarget.POSTGRES, "PostgreSQL's plans only");
        dataSource = DatabaseTarget.migratedPostgresSchema(dir, "plans");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into operator (operator_key, name, created_at) values ('PLANS', 'Plans', now())");
        addClients(1, 20);
        new PlannerStatistics(dataSource).analyseNeverAnalysed(); // as at the first start after the demo load
        addClients(40, 2_500);
        big = Set.copyOf(jdbc.queryForList("select tablename from pg_tables where schemaname = current_schema()"
                + " and pg_relation_size(format('%I.%I', schemaname, tablename)::regclass) > cast(? as int) * current_setting('block_size')::int", String.class, SMALL_PAGES));
        assertThat(big).as("the tables the look-ups read are big enough to matter")
                .contains("guest", "guest_plan_purchase", "connection_session", "hotspot", "subscription", "unit", "subscriber",
                        "radius_resident_device");
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    /** Clients with a venue, 50 hotspots, guests with one purchase and two sessions each, 200 residents per venue. */
    private static void addClients(int clients, int guestsPerClient) {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from client", Long.class);
        String fresh = " c.id > " + before;
        jdbc.update("insert into client (operator_id, client_key, company, created_at)"
                + " select 1, 'C' || (" + before + " + s), 'Co', now() from generate_series(1, ?) s", clients);
        jdbc.update("insert into venue (operator_id, client_id, venue_key, name, address_line1, city, state, postal_code, country,"
                + " time_zone, created_at) select 1, c.id, 'V' || c.id, 'V', '1 Main St', 'Boston', 'MA', '02110', 'USA', 'UTC', now()"
                + " from client c where" + fresh);
        jdbc.update("insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)"
                + " select 1, c.id, v.id, 'H' || h, 'nas-' || c.id || '-' || h, now()"
                + " from client c join venue v on v.client_id = c.id, generate_series(1, 50) h where" + fresh);
        jdbc.update("insert into session_profile (client_id, name, created_at) select c.id, 'P', now() from client c where" + fresh);
        jdbc.update("insert into guest_plan (client_id, session_profile_id, name, duration_minutes, price_cents, currency, created_at)"
                + " select c.id, p.id, 'Day', 1440, 500, 'USD', now() from client c join session_profile p on p.client_id = c.id where"
                + fresh);
        jdbc.update("insert into guest (client_id, token, mac_address, created_at, updated_at)"
                + " select c.id, gen_random_uuid(), " + mac("c.id * 100000 + g") + ", now(), now()"
                + " from client c, generate_series(1, ?) g where" + fresh, guestsPerClient);
        jdbc.update("insert into guest_plan_purchase (client_id, guest_id, guest_plan_id, starts_at, expires_at, payment_gateway,"
                + " transaction_id, created_at) select g.client_id, g.id, p.id, now() - interval '1 day' + (g.id % 48) * interval '1 hour',"
                + " now() + (g.id % 48) * interval '1 hour', 'free', 't' || g.id, now()"
                + " from guest g join guest_plan p on p.client_id = g.client_id join client c on c.id = g.client_id where" + fresh);
        jdbc.update("insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, started_at, last_seen_at,"
                + " ended_at, session_seconds, input_octets, output_octets, terminate_cause, nas_client_id, nas_address, acct_session_id,"
                + " stale_after, closed_by)"
                + " select md5(g.id || '-' || k) || md5(k || '-' || g.id), g.client_id, h.id, g.id, g.mac_address,"
                + " now() - k * interval '1 day', now() - k * interval '1 day' + interval '1 hour',"
                + " case when k = 1 and g.id % 5 = 0 then null else now() - k * interval '1 day' + interval '1 hour' end, 3600, 1000, 9000,"
                + " case when k = 1 and g.id % 5 = 0 then null else 1 end, 1 + g.id % 50, '10.0.0.1', 's' || g.id || '-' || k,"
                + " now() + interval '10 minutes', case when k = 1 and g.id % 5 = 0 then null else 'nas' end"
                + " from guest g join client c on c.id = g.client_id"
                + " join hotspot h on h.client_id = g.client_id and h.nas_identifier = 'nas-' || g.client_id || '-' || (1 + g.id % 50),"
                + " generate_series(1, 2) k where" + fresh);
        jdbc.update("insert into service_plan (operator_id, plan_key, name, download_kbps, upload_kbps, concurrent_devices,"
                + " globally_available, allow_self_signup, description, external_id, fcc_label_json, sms_code, image_url, trial_cycles,"
                + " billing_cycle_hours, max_trial_cycles, max_free_enrollments, session_timeout_seconds, created_at)"
                + " select 1, 'P' || c.id, 'Plan', 100000, 20000, 8, true, false, '', '', '{}', '', '', 0, 720, 0, 0, 0, now()"
                + " from client c where" + fresh);
        jdbc.update("insert into unit (operator_id, venue_id, unit_key, unit_name, building, floor, purpose, vlan, created_at)"
                + " select 1, v.id, 'U' || v.id || '-' || u, 'U' || u, 'A', '1', 'RESIDENTIAL', 100 + u, now()"
                + " from client c join venue v on v.client_id = c.id, generate_series(1, 200) u where" + fresh);
        jdbc.update("insert into subscriber (operator_id, subscriber_token, email, given_name, family_name, locale, contact_sms,"
                + " contact_email, created_at) select 1, 'T' || u.id, 'r' || u.id || '@example.com', 'R', 'S', 'en', false, true, now()"
                + " from unit u join venue v on v.id = u.venue_id join client c on c.id = v.client_id where" + fresh);
        jdbc.update("insert into subscription (operator_id, subscriber_id, unit_id, venue_id, plan_id, starts_at, psk_sealed, psk_digest,"
                + " psk_claim, created_at)"
                + " select 1, s.id, u.id, u.venue_id, p.id, now() - interval '30 days', 'v1:sealed', 'psk-' || u.id, 'psk-' || u.id, now()"
                + " from unit u join venue v on v.id = u.venue_id join client c on c.id = v.client_id"
                + " join subscriber s on s.subscriber_token = 'T' || u.id join service_plan p on p.plan_key = 'P' || c.id where" + fresh);
        jdbc.update("insert into equipment (operator_id, venue_id, equipment_key, name, equipment_type, manufacturer, model,"
                + " connection_protocol, ip_address, status, created_at)"
                + " select 1, v.id, 'E' || v.id || '-' || e, 'Gateway', 'GATEWAY', 'MikroTik', 'hAP', 'REST', '10.0.0.1', 'ONLINE', now()"
                + " from client c join venue v on v.client_id = c.id, generate_series(1, 2) e where" + fresh);
        jdbc.update("insert into radius_resident_device (nas_client_id, device_mac, operator_id, subscription_id, unit_id, authorised_at)"
                + " select 1000 + s.venue_id, " + mac("s.id") + ", 1, s.id, s.unit_id, now()"
                + " from subscription s join venue v on v.id = s.venue_id join client c on c.id = v.client_id where" + fresh);
        // Residents' sessions at venue gateways: NAS sessions without client, hotspot or guest.
        jdbc.update("insert into connection_session (session_key, nas_client_id, nas_address, acct_session_id, mac_address, started_at,"
                + " last_seen_at, ended_at, session_seconds, input_octets, output_octets, stale_after, closed_by, nas_identifier)"
                + " select md5('r' || s.id || '-' || k) || md5(k || '-r' || s.id), 1000 + s.venue_id, '10.0.0.1', 's' || s.id || '-' || k,"
                + " " + mac("s.id") + ", now() - k * interval '1 day', now(), case when k = 1 then null else now() end, 0, 0, 0,"
                + " now() + interval '10 minutes', case when k = 1 then null else 'nas' end, 'gw-' || s.venue_id"
                + " from subscription s join venue v on v.id = s.venue_id join client c on c.id = v.client_id,"
                + " generate_series(1, 5) k where" + fresh);
    }

    /** SQL for the canonical MAC (AA-BB-CC-DD-EE-FF) of a number. */
    private static String mac(String number) {
        return "upper(regexp_replace(lpad(to_hex(" + number + "), 12, '0'), '(..)(?!$)', '\\1-', 'g'))";
    }

    /** A statement, its parameters, and the big tables it reads whole by design (the rollup reads every hotspot). */
    record Hot(String name, String sql, List<Object> params, Set<String> readWhole) {
        Hot(String name, String sql, Object... params) {
            this(name, sql, Arrays.asList(params), Set.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Hot> hotQueries() {
        String now = "2026-06-01T12:00:00Z";
        String mac = "00-00-00-0F-42-41"; // a guest of client 10: 10 * 100000 + 1
        List<Object> texts = List.of("k1"), numbers = List.of(10L), times = List.of(now), flags = List.of(true),
                nulls = Arrays.asList((Object) null);
        List<Object> micros = List.of(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(now))); // as the accounting upsert binds instants
        return List.of(
                new Hot("hotspot by NAS-Identifier (HotspotRepository.findByNasIdentifier)",
                        "select * from hotspot where operator_id = ? and nas_identifier = ?", 1L, "nas-10-3"),
                new Hot("device's active plan, Access-Request (PlanRepository.findActivePurchaseByMac)", """
                        select p.*
                          from guest g
                          join guest_plan_purchase p on p.guest_id = g.id
                         where g.client_id = ? and g.mac_address = ? and p.client_id = ?
                           and p.revoked_at is null and p.starts_at <= ? and p.expires_at > ?
                         order by p.expires_at desc, p.id desc
                         fetch first 1 rows only""", 10L, mac, 10L, now, now),
                new Hot("guest by device, first sight (GuestRepository.findByMac)",
                        "select * from guest where client_id = ? and mac_address = ?", 10L, mac),
                new Hot("accounting upsert with guest-id resolution (ConnectionRepository.UPSERT)",
                        constant(ConnectionRepository.class, "UPSERT"), List.of("k1"), numbers, numbers, Arrays.asList((Object) null),
                        List.of(mac), texts, micros, flags, micros, Arrays.asList((Object) null), numbers, numbers, numbers,
                        Arrays.asList((Object) null), numbers, texts, texts, texts, texts, micros, Arrays.asList((Object) null), texts),
                new Hot("accounting upsert of a NAS session without hotspot (ConnectionRepository.UPSERT)",
                        constant(ConnectionRepository.class, "UPSERT"), List.of("k2"), nulls, nulls, nulls, List.of(mac), nulls,
                        micros, flags, micros, nulls, numbers, numbers, numbers, nulls, numbers, texts, texts, texts, texts, micros, nulls,
                        List.of("gw-10")),
                new Hot("NAS reset (ConnectionRepository.closeOpenOfNas)",
                        "update connection_session set ended_at = last_seen_at, terminate_cause = ?, closed_by = ?"
                                + " where ended_at is null and nas_client_id = ? and last_seen_at <= ?", 11, "acct-on", 7L, now),
                new Hot("stale sweep (ConnectionRepository.closeStale)",
                        "update connection_session set ended_at = last_seen_at, terminate_cause = ?, closed_by = 'stale'"
                                + " where ended_at is null and (stale_after < ? or (stale_after is null and last_seen_at < ?))",
                        3, now, now),
                new Hot("device's open sessions, Disconnect (ConnectionRepository.openNasSessions)", """
                        select c.nas_client_id, c.nas_address, coalesce(c.nas_identifier, ''), c.acct_session_id, c.user_name,
                               c.mac_address
                          from connection_session c
                         where c.ended_at is null and c.mac_address = ? and c.nas_client_id is not null
                         order by c.last_seen_at desc""", mac),
                new Hot("gateway by id (EquipmentRepository.find)", "select * from equipment where id = ?", 20L),
                new Hot("resident's subscription by key digest (SubscriptionRepository.findByPsk)",
                        "select * from subscription where operator_id = ? and psk_digest = ? order by starts_at",
                        1L, "psk-2000"),
                new Hot("unit by id (UnitRepository.find)", "select * from unit where id = ?", 2000L),
                new Hot("subscriber by id (SubscriptionRepository.findSubscriber)", "select * from subscriber where id = ?", 2000L),
                new Hot("device's binding for MAC authentication (ResidentDeviceRepository.LAST_BINDING)",
                        ResidentDeviceRepository.LAST_BINDING, 1L, mac),
                new Hot("resident device remembered (ResidentDeviceRepository.MERGE)",
                        constant(ResidentDeviceRepository.class, "MERGE"), 1010L, mac, 1L, 2000L, 2000L, now),
                // the sessions above started at the loading time's now(), so this range is of real time, not of `now`
                new Hot("a day of every hotspot's sessions, daily and hourly rollups (RollupRepository.HOTSPOT_SESSIONS_POSTGRES)",
                        "select h.id, h.operator_id, count(*), coalesce(sum(c.input_octets), 0), coalesce(sum(c.output_octets), 0)"
                                + constant(RollupRepository.class, "HOTSPOT_SESSIONS_POSTGRES") + " group by h.id, h.operator_id",
                        List.of(Instant.now().minus(Duration.ofDays(2)).toString(), Instant.now().toString()), Set.of("hotspot")),
                new Hot("subscriptions ending soon, report and its page (EndingSubscriptionRepository.ENDING)",
                        constant(EndingSubscriptionRepository.class, "ENDING") + " order by s.ends_at, s.id fetch first 51 rows only",
                        1L, now, "2026-07-01T12:00:00Z"));

    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotQueries")
    void usesIndexesWithStaleStatistics(Hot hot) {
        jdbc.execute("deallocate all");
        jdbc.execute("prepare hot as " + numbered(hot.sql()));
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            jdbc.execute("set plan_cache_mode = " + mode);
            String plan = jdbc.queryForObject("explain (format json) execute hot(" + hot.params().stream()
                    .map(HotQueryPlansTest::literal).collect(Collectors.joining(", ")) + ")", String.class);
            List<String> seqScans = new ArrayList<>();
            List<String> indexScans = new ArrayList<>();
            scans(read(plan), seqScans, indexScans);
            assertThat(seqScans).as("tables read whole by %s, %s:%n%s", hot.name(), mode, plan)
                    .noneMatch(table -> big.contains(table) && !hot.readWhole().contains(table));
            if (big.stream().anyMatch(table -> plan.contains("\"Relation Name\": \"" + table + "\""))) {
                assertThat(indexScans).as("indexes used by %s, %s:%n%s", hot.name(), mode, plan).isNotEmpty();
            }
        }
        jdbc.execute("reset plan_cache_mode");
    }

    /** Tables read by a sequential scan, and indexes scanned, anywhere in the plan. */
    private static void scans(JsonNode node, List<String> tables, List<String> indexes) {
        String type = node.path("Node Type").asText();
        if ("Seq Scan".equals(type)) {
            tables.add(node.path("Relation Name").asText());
        } else if (type.endsWith("Index Scan") || type.equals("Index Only Scan")) {
            indexes.add(node.path("Index Name").asText());
        }
        node.forEach(child -> scans(child, tables, indexes));
    }

    private static JsonNode read(String json) {
        return JsonMapper.builder().build().readTree(json);
    }

    /** JDBC's {@code ?} placeholders as PREPARE's {@code $n}. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    /** An untyped literal, which EXECUTE coerces to the type PREPARE inferred for the parameter. */
    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return quote(list.stream().map(v -> v == null ? "NULL" : "\"" + v + "\"").collect(Collectors.joining(",", "{", "}")));
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String constant(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
