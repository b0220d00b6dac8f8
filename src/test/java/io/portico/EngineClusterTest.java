package io.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import io.portico.gateway.RouterOsSimulator;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriptionService;
import io.portico.support.LoopbackParts;
import io.portico.support.DatabaseTarget;
import io.portico.support.PostgresAvailableCondition;
import io.portico.support.WebhookReceiver;
import io.portico.unit.Unit;

/**
 * Whole Portico servers started from the command line on one database (an H2 file, then a
 * PostgreSQL schema of their own): work pending when a
 * server stops is finished by the next one, and two servers sharing the database deliver every
 * webhook and apply every gateway change exactly once between them.
 */
@Tag("database")
@ExtendWith(PostgresAvailableCondition.class)
class EngineClusterTest {

    @TempDir
    Path dataDir;

    RouterOsSimulator router;
    WebhookReceiver receiver;
    GreenMail smtp;
    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    Map<String, String> database;

    @BeforeEach
    void startParts() throws IOException {
        database = DatabaseTarget.current().standalone(dataDir, "cluster");
        router = new RouterOsSimulator(EngineWorld.ROUTER_USER, EngineWorld.ROUTER_PASSWORD);
        receiver = new WebhookReceiver();
        smtp = LoopbackParts.smtp();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
        router.close();
        receiver.close();
        smtp.stop();
    }

    /** A server sending email to {@code smtpPort} on loopback. */
    private ConfigurableApplicationContext server(int smtpPort) {
        Stream<String> database = this.database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue());
        String[] args = Stream.concat(database, Stream.of("--server.port=0", "--portico.radius.enabled=false",
                "--portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.starttls.enable=false",
                "--portico.scheduler.polling-interval=200ms", "--portico.notification.dispatch-interval=200ms",
                "--portico.notification.first-retry=500ms", "--portico.subscription.transition-interval=200ms",
                "--portico.gateway.reconciler.interval=200ms", "--portico.gateway.reconciler.first-retry=500ms",
                "--portico.gateway.reconciler.management-port=" + router.baseUrl().getPort(),
                "--portico.webhook.dispatch-interval=200ms", "--portico.webhook.first-retry=500ms",
                "--portico.webhook.max-retry-delay=1s")).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PorticoApplication.class)
                .run(PorticoApplication.translateArguments(args, null));
        running.add(context);
        return context;
    }

    @Test
    void workPendingWhenTheServerStopsIsCompletedByTheNextStart() {
        LoopbackParts.RefusingPort smtpDown = new LoopbackParts.RefusingPort();
        ConfigurableApplicationContext first = server(smtpDown.port());
        EngineWorld world = new EngineWorld(first, receiver);
        router.failWith(503);
        receiver.failNext(Integer.MAX_VALUE);
        Unit unit = world.unit("301");
        String email = first.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(unit.key(),
                world.plan.key(), EngineWorld.resident("dee"), Instant.now().minus(Duration.ofMinutes(5)), null, null))
                .subscriber().email();
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, "select count(*) from webhook_delivery where status = 'PENDING' and attempts > 0") > 0
                && count(jdbc, "select count(*) from email_outbox where status = 'PENDING' and attempts > 0") > 0
                && count(jdbc, "select count(*) from gateway_command_retry") > 0);
        first.close();
        running.remove(first);
        smtpDown.close();

        router.failWith(0);
        receiver.failNext(0);
        ConfigurableApplicationContext second = server(LoopbackParts.port(smtp));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                .anyMatch(r -> r.body().contains("\"Type\":\"SubscriptionStarted\"") && r.body().contains(email)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> to(m).equals(email)));
        SubscriptionService subscriptions = second.getBean(SubscriptionService.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions.pendingEnables(world.operator.id()).isEmpty());
        assertThat(router.items("interface/vlan")).containsKey("portico-vlan" + unit.vlan());
        assertThat(count(second.getBean(JdbcClient.class), "select count(*) from webhook_delivery where status = 'PENDING'")).isZero();
    }

    @Test
    void twoServersOnOneDatabaseDeliverEachWebhookAndApplyEachGatewayChangeExactlyOnce() {
        ConfigurableApplicationContext a = server(LoopbackParts.port(smtp));
        ConfigurableApplicationContext b = server(LoopbackParts.port(smtp));
        EngineWorld world = new EngineWorld(a, receiver);
        SubscriptionService viaA = a.getBean(SubscriptionService.class);
        SubscriptionService viaB = b.getBean(SubscriptionService.class);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Unit unit = world.unit("40" + i);
            units.add(unit);
            (i % 2 == 0 ? viaA : viaB).addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(),
                    EngineWorld.resident("r" + i), Instant.now().minus(Duration.ofMinutes(1)), null, null));
        }
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        long expected = count(jdbc, "select count(*) from webhook_delivery where operator_id = " + world.operator.id());
        assertThat(expected).isEqualTo(8 * 3); // VenueUnitAdded, KeyStart, SubscriptionStarted per unit
        await().atMost(Duration.ofSeconds(60)).until(() -> viaB.pendingEnables(world.operator.id()).isEmpty()
                && receiver.accepted().size() >= expected);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().size() == expected);

        Map<String, Long> byMessage = receiver.accepted().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
        assertThat(byMessage).hasSize((int) expected).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        Map<String, Long> creates = router.requests().stream().filter(r -> r.startsWith("PUT /rest/interface/vlan"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(creates.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(units.size());
        assertThat(count(jdbc, "select count(*) from equipment_log where equipment_id = " + world.gateway.id()
                + " and event_json like '%SUCCESS%'")).isEqualTo(units.size());
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String to(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
