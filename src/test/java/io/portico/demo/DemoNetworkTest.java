package io.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.PorticoApplication;
import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.plan.PlanService;
import io.portico.subscription.NewKey;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.ConsoleSession;
import io.portico.support.DatabaseTarget;
import io.portico.support.Http;
import io.portico.support.PostgresAvailableCondition;
import io.portico.support.WebhookReceiver;
import io.portico.tenant.TenantService;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.VenueService;
import tools.jackson.databind.JsonNode;

/**
 * {@code --demo} as a newcomer starts it, a whole server on a database of its own with a webhook
 * receiver configured: the demo network applies every pending VLAN change, the logs show successes
 * only, the demo's webhook history is delivered history, and a second start queues nothing. The
 * failure demonstration gateway fails once someone asks it for a change. One server for all of
 * it (the demo takes about 15 s to load), so the tests run in order.
 */
@Tag("database")
@ExtendWith(PostgresAvailableCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoNetworkTest {

    static final String CONSOLE = "/preview/networkoperatorconsole/";
    static final String API_TOKEN = "demo-token-for-scripts-0123456789";

    @TempDir
    static Path dataDir;

    static WebhookReceiver receiver;
    static Map<String, String> database;
    static ConfigurableApplicationContext server;
    static long operatorId;

    @BeforeAll
    static void startTheDemo() throws Exception {
        receiver = new WebhookReceiver();
        database = DatabaseTarget.current().standalone(dataDir, "demo");
        server = start();
        operatorId = server.getBean(TenantService.class).findOperatorByKey(DemoDataLoader.OPERATOR_KEY).orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        receiver.close();
    }

    private static ConfigurableApplicationContext start() {
        Stream<String> db = database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue());
        String[] args = Stream.concat(db, Stream.of("--portico.demo.enabled=true", "--server.port=0", "--portico.radius.enabled=false",
                "--portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--portico.demo.api-token=" + API_TOKEN, "--portico.demo.webhook-url=" + receiver.url(),
                "--portico.scheduler.polling-interval=200ms", "--portico.subscription.transition-interval=200ms",
                "--portico.gateway.reconciler.interval=200ms", "--portico.webhook.dispatch-interval=200ms"))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PorticoApplication.class).run(args);
    }

    @Test
    @Order(1)
    void theDemoNetworkAppliesEveryPendingVlanChangeAndTheLogsShowOnlySuccesses() {
        SubscriptionService subscriptions = server.getBean(SubscriptionService.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> subscriptions.pendingEnables(operatorId).isEmpty()
                && subscriptions.pendingDisables(operatorId).isEmpty());

        List<JsonNode> entries = new ArrayList<>();
        ConsoleSession admin = admin();
        for (Equipment gateway : gateways()) {
            admin.post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID", gateway.key()).json().get("log").forEach(entries::add);
        }
        List<JsonNode> commands = entries.stream()
                .filter(e -> e.get("event").has("VLAN")).toList();
        assertThat(commands).hasSize(60).allSatisfy(e -> {
            assertThat(e.get("event").get("ChangeAuthStatus").asString()).isEqualTo("SUCCESS");
            assertThat(e.get("event").get("Request").asString()).contains("routeros-rest").doesNotContain("already");
        });
        assertThat(entries).noneSatisfy(e -> assertThat(e.get("event").toString()).contains("FAIL"));
        assertThat(admin.post(CONSOLE + "equipment/listOperatorLog").json().get("log"))
                .noneSatisfy(e -> assertThat(e.toString()).contains("FAIL"));
        assertThat(count("select count(*) from gateway_command_retry")).isZero();
    }

    @Test
    @Order(2)
    void theDemoLoadsItsWebhookHistoryAsDeliveredAndSendsNoneOfIt() {
        assertThat(count("select count(*) from webhook_delivery where operator_id = " + operatorId)).isGreaterThan(500);
        assertThat(count("select count(*) from webhook_delivery where status <> 'DELIVERED'")).isZero();
        JsonNode log = admin().post(CONSOLE + "equipment/listWebhookLog").json().get("Webhooks");
        assertThat(log).isNotEmpty().allSatisfy(w -> {
            assertThat(w.get("Type").asString()).isNotEqualTo("GatewayChangeFailed");
            assertThat(w.get("webhookresponse").toString()).isEqualTo("[\"202 Accepted\"]");
        });
        // The receiver configured for live events gets none of the history, and no gateway failure.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> receiver.requests() == 0);
    }

    @Test
    @Order(3)
    void aSecondStartOnTheSameDatabaseLoadsNothingAgainAndQueuesNothing() {
        long webhooks = count("select count(*) from webhook_delivery");
        long equipmentLog = count("select count(*) from equipment_log");
        server.close();
        server = start();

        Http http = new Http(port());
        assertThat(http.get("/v2/zapier/client/ping?api_token=" + API_TOKEN).json().get("message").asString()).isEqualTo("success");
        assertThat(count("select count(*) from operator")).isEqualTo(1);
        assertThat(count("select count(*) from api_token")).isEqualTo(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                count("select count(*) from webhook_delivery") == webhooks && count("select count(*) from equipment_log") == equipmentLog);
        assertThat(count("select count(*) from webhook_delivery where status <> 'DELIVERED'")).isZero();
        assertThat(receiver.requests()).isZero();
    }

    @Test
    @Order(4)
    void theFailureGatewayRefusesAChangeAndTheLogsAndTheReceiverSaySo() {
        Equipment failing = gateways().stream().filter(g -> g.name().contains("FAILURE")).findFirst().orElseThrow();
        assertThat(failing.model()).contains("refuses every change");
        Unit unit = server.getBean(UnitService.class).listByOperator(operatorId).stream()
                .filter(u -> u.venueId() == failing.venueId()).findFirst().orElseThrow();
        String plan = server.getBean(PlanService.class).listByOperator(operatorId).getFirst().key();
        SubscriptionService subscriptions = server.getBean(SubscriptionService.class);
        subscriptions.addKey(operatorId, new NewKey(unit.key(), plan, new SubscriberDetails("failure.demo@residents.demo.portico.example",
                "Fay", "Lure", "+15550109999", "en-us", false, true), Instant.now().minus(Duration.ofMinutes(1)), null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                .anyMatch(r -> r.body().contains("\"Type\":\"GatewayChangeFailed\"")));
        JsonNode log = admin().post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID", failing.key()).json().get("log");
        assertThat(log).anySatisfy(e -> {
            assertThat(e.get("event").get("ChangeAuthStatus").asString()).isEqualTo("FAIL");
            assertThat(e.get("event").get("statusCode").asInt()).isEqualTo(403);
            assertThat(e.get("event").get("ERROR").asString()).contains("not enough permissions");
            assertThat(e.get("event").get("Request").asString()).doesNotContain("already");
        });
        assertThat(admin().post(CONSOLE + "equipment/listOperatorLog").json().get("log"))
                .anySatisfy(e -> assertThat(e.toString()).contains("FAIL").contains("not enough permissions"));
        assertThat(subscriptions.pendingEnables(operatorId)).extracting(PendingVlanChange::vlan).containsExactly(unit.vlan());
    }

    private static List<Equipment> gateways() {
        EquipmentService equipment = server.getBean(EquipmentService.class);
        return server.getBean(VenueService.class).listByOperator(operatorId).stream()
                .flatMap(v -> equipment.gateways(operatorId, v.id()).stream()).toList();
    }

    private static ConsoleSession admin() {
        return ConsoleSession.login(new Http(port()), "domainadministrators@" + DemoDataLoader.DOMAIN, "portico-demo-password");
    }

    private static int port() {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }

    private static long count(String sql) {
        return server.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
