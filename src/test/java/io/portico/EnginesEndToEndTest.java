package io.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.portico.equipment.Equipment;
import io.portico.gateway.RouterOsSimulator;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.subscription.SubscriberDetails;
import io.portico.support.TestClock;
import io.portico.platform.Role;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.SubscriptionService;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.LoopbackParts;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.WebhookReceiver;
import io.portico.unit.Unit;
import tools.jackson.databind.JsonNode;

/**
 * The three engines together against real parts: the RouterOS simulator, a loopback webhook
 * receiver and GreenMail. A subscription that starts in the past is provisioned on the gateway,
 * announced by a signed webhook and welcomed by email; ending it reverses each step.
 */
@PorticoIntegrationTest
class EnginesEndToEndTest {

    static final RouterOsSimulator router = simulator();
    static final WebhookReceiver receiver = LoopbackParts.webhookReceiver();
    static final GreenMail smtp = LoopbackParts.smtp();
    static final String CONSOLE = "/preview/networkoperatorconsole/";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
        registry.add("portico.subscription.transition-interval", () -> "200ms");
        registry.add("portico.gateway.reconciler.enabled", () -> "true");
        registry.add("portico.gateway.reconciler.interval", () -> "200ms");
        registry.add("portico.gateway.reconciler.first-retry", () -> "500ms");
        registry.add("portico.gateway.reconciler.management-port", () -> router.baseUrl().getPort());
        registry.add("portico.webhook.delivery-enabled", () -> "true");
        registry.add("portico.webhook.dispatch-interval", () -> "200ms");
        registry.add("portico.webhook.first-retry", () -> "500ms");
        registry.add("portico.webhook.read-timeout", () -> "1s");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    OperatorSettingsService settings;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    EngineWorld world;
    ConsoleSession admin;

    @BeforeEach
    void setUp() {
        world = new EngineWorld(context, receiver);
        admin = ConsoleSession.login(new Http(port), fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS),
                Fixtures.PASSWORD);
        router.failWith(0);
        receiver.failNext(0);
    }

    @AfterEach
    void healParts() {
        clock.reset();
        router.failWith(0);
        receiver.failNext(0);
    }

    @AfterAll
    static void stopParts() {
        router.close();
        receiver.close();
        smtp.stop();
    }

    @Test
    void aSubscriptionStartedInThePastIsProvisionedAnnouncedAndWelcomedAndEndingItReversesEachStep() throws Exception {
        Unit unit = world.unit("101");
        String interfaceName = "portico-vlan" + unit.vlan();
        // The gateway refuses at first, so the pending enable can be seen before the engine clears it.
        router.failWith(503);
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(),
                EngineWorld.resident("ana"), clock.instant().minus(Duration.ofHours(1)), null, null));
        String email = key.subscriber().email();

        assertThat(subscriptions.pendingEnables(world.operator.id())).extracting(PendingVlanChange::vlan).containsExactly(unit.vlan());
        await().atMost(Duration.ofSeconds(20)).until(() -> logStatuses().contains("FAIL"));

        router.failWith(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions.pendingEnables(world.operator.id()).isEmpty());
        assertThat(router.items("interface/vlan").get(interfaceName)).containsEntry("disabled", "false")
                .containsEntry("vlan-id", Integer.toString(unit.vlan()));
        assertThat(router.items("queue/simple").get(interfaceName)).containsEntry("max-limit", "50000k/300000k");
        JsonNode success = logEntries().stream().filter(e -> e.get("event").get("ChangeAuthStatus").asString().equals("SUCCESS"))
                .findFirst().orElseThrow();
        assertThat(success.get("function_name").asString()).isEqualTo("vault_networkoperator_equipmentConfigurator");
        assertThat(success.get("event").get("PORT").asInt()).isEqualTo(unit.vlan());
        assertThat(success.get("event").get("statusCode").asInt()).isBetween(200, 299);
        assertThat(operatorLog()).anySatisfy(e -> assertThat(e.toString()).contains("\"ChangeAuthStatus\":\"FAIL\""));

        WebhookReceiver.Received started = awaitWebhook("SubscriptionStarted", email);
        assertThat(world.signatureValid(started)).isTrue();
        assertThat(Http.json().readTree(started.body()).get("vlan").asInt()).isEqualTo(unit.vlan());
        awaitWebhook("GatewayChangeFailed", world.gateway.key());

        MimeMessage welcome = awaitEmail(email, "Welcome to Harbor Lofts");
        assertThat(GreenMailUtil.getBody(welcome)).contains("Ana");

        // Staff end it now through the console.
        router.failWith(503);
        JsonNode ended = admin.post(CONSOLE + "subscriptions/endSubscription", "SubscriptionID", key.subscription().id()).json();
        assertThat(ended.get("errorProcessing").asBoolean()).isFalse();
        assertThat(subscriptions.pendingDisables(world.operator.id())).extracting(PendingVlanChange::vlan).containsExactly(unit.vlan());
        router.failWith(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions.pendingDisables(world.operator.id()).isEmpty());
        assertThat(router.items("interface/vlan").get(interfaceName)).containsEntry("disabled", "true");
        assertThat(logEntries()).anySatisfy(e -> assertThat(e.get("event").get("Request").asString()).startsWith("Disable VLAN"));
        assertThat(world.signatureValid(awaitWebhook("SubscriptionEnded", email))).isTrue();
        awaitEmail(email, "has ended");

        JsonNode log = admin.post(CONSOLE + "equipment/listWebhookLog").json().get("Webhooks");
        assertThat(log).anySatisfy(w -> {
            assertThat(w.get("Type").asString()).isEqualTo("SubscriptionStarted");
            assertThat(w.get("webhookresponse").get(0).asString()).isEqualTo("202 Accepted");
        });
        assertThat(typesFor(email)).containsSubsequence("KeyStart", "SubscriptionStarted", "SubscriptionEndDateAdjustment", "SubscriptionEnded");
    }

    @Test
    void aFailingThenSlowReceiverGetsTheWebhookOnceItRecoversWithEachAttemptLogged() {
        Unit unit = world.unit("202");
        Unit second = world.unit("203");
        SubscriberDetails ben = EngineWorld.resident("ben");
        receiver.failNext(2, ben.email());
        subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(), ben,
                clock.instant().plus(Duration.ofDays(3)), null, null));

        WebhookReceiver.Received keyStart = awaitWebhook("KeyStart", ben.email());
        assertThat(keyStart.id()).startsWith("msg_");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode entry = webhookLogEntry("KeyStart", ben.email());
            assertThat(entry.get("webhookresponse")).hasSize(3);
            assertThat(entry.get("webhookresponse").get(0).asString()).isEqualTo("503 Receiver unavailable");
            assertThat(entry.get("webhookresponse").get(2).asString()).isEqualTo("202 Accepted");
        });

        SubscriberDetails cy = EngineWorld.resident("cy");
        receiver.stallNext(1, cy.email());
        subscriptions.addKey(world.operator.id(), new NewKey(second.key(), world.plan.key(), cy,
                clock.instant().plus(Duration.ofDays(3)), null, null));
        awaitWebhook("KeyStart", cy.email());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(webhookLogEntry("KeyStart", cy.email()).get("webhookresponse").get(0).asString())
                        .startsWith("Timed out"));
    }

    @Test
    void aFutureSubscriptionStartsAndEndsWhenTheClockPassesItsTimesEachEventOnce() {
        Unit unit = world.unit("501");
        Instant now = clock.instant();
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(),
                EngineWorld.resident("fay"), now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(5)), null));
        String email = key.subscriber().email();
        awaitWebhook("KeyStart", email);
        assertThat(typesFor(email)).doesNotContain("SubscriptionStarted");
        assertThat(subscriptions.pendingEnables(world.operator.id())).isEmpty();

        clock.advance(Duration.ofHours(2));
        awaitWebhook("SubscriptionStarted", email);
        await().atMost(Duration.ofSeconds(20)).until(() -> router.items("interface/vlan").containsKey("portico-vlan" + unit.vlan())
                && subscriptions.pendingEnables(world.operator.id()).isEmpty());

        clock.advance(Duration.ofHours(3));
        awaitWebhook("SubscriptionEnded", email);
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                router.items("interface/vlan").get("portico-vlan" + unit.vlan()).get("disabled")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                typesFor(email).equals(List.of("KeyStart", "SubscriptionStarted", "SubscriptionEnded")));
    }

    @Test
    void theWelcomeEmailFollowsTheSubscribersLocaleAndNothingGoesToThoseWhoOptedOutOrWhenSuppressed() {
        settings.initialise(world.operator.id(), Section.EMAIL, new Sections.Email("#0055aa", "", false, "", "", List.of(),
                Map.of("es-xl", Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of(
                        "Subject", "Bienvenido a {venuename}", "HTML", "<p>Hola {givenname}</p>", "Text", "Hola {givenname}"))))),
                Map.of());
        Unit first = world.unit("601");
        IssuedKey spanish = subscriptions.addKey(world.operator.id(), new NewKey(first.key(), world.plan.key(),
                new SubscriberDetails("gil-" + Fixtures.unique().toLowerCase() + "@example.com", "Gil", "Ruiz", "", "es-xl",
                        false, true), clock.instant(), null, null));
        MimeMessage message = awaitEmail(spanish.subscriber().email(), "Bienvenido a Harbor Lofts");
        assertThat(GreenMailUtil.getBody(message)).contains("Hola Gil").contains("#0055aa");

        Unit second = world.unit("602");
        IssuedKey optedOut = subscriptions.addKey(world.operator.id(), new NewKey(second.key(), world.plan.key(),
                new SubscriberDetails("hal-" + Fixtures.unique().toLowerCase() + "@example.com", "Hal", "Roe", "", "en-us",
                        false, false), clock.instant(), null, null));
        settings.initialise(world.operator.id(), Section.NOTIFICATIONS, new Sections.Notifications(0, true, true, true, "",
                "noreply@engines.example", true, ""), Map.of());
        Unit third = world.unit("603");
        IssuedKey suppressed = subscriptions.addKey(world.operator.id(), new NewKey(third.key(), world.plan.key(),
                EngineWorld.resident("ida"), clock.instant(), null, null));
        assertThat(queuedEmails(optedOut.subscriber().email())).isZero();
        assertThat(queuedEmails(suppressed.subscriber().email())).isZero();
        assertThat(queuedEmails(spanish.subscriber().email())).isEqualTo(1);
    }

    @Test
    void resettingAKeyEndsTheOldKeyAndStartsTheNewOneInThatOrder() {
        Unit unit = world.unit("701");
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(),
                EngineWorld.resident("jo"), clock.instant().minus(Duration.ofMinutes(1)), null, null));
        String email = key.subscriber().email();
        awaitWebhook("SubscriptionStarted", email);

        JsonNode reset = admin.post(CONSOLE + "subscribers/resetKey", "SubscriptionID", key.subscription().id()).json();
        assertThat(reset.get("errorProcessing").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                typesFor(email).equals(List.of("KeyStart", "SubscriptionStarted", "KeyEnd", "KeyStart")));
    }

    @Test
    void aManualGatewayGetsNothingSentAndStaysPendingUntilStaffConfirm() {
        Equipment manual = world.manualGateway("MANUAL-GW");
        Unit unit = world.unit("801");
        subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(), EngineWorld.resident("kim"),
                clock.instant().minus(Duration.ofMinutes(1)), null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> router.items("interface/vlan").containsKey("portico-vlan" + unit.vlan()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                subscriptions.pendingEnables(world.operator.id()).stream().anyMatch(p -> p.vlan() == unit.vlan()));
        JsonNode manualLog = admin.post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID", manual.key()).json().get("log");
        assertThat(manualLog).noneSatisfy(e -> assertThat(e.get("event").has("ChangeAuthStatus")).isTrue());

        JsonNode confirmed = admin.post(CONSOLE + "equipment/gateway/confirmGatewayVLAN", "EquipmentID", manual.key(),
                "vlan", unit.vlan(), "Enabled", true).json();
        assertThat(confirmed.get("errorProcessing").asBoolean()).isFalse();
        assertThat(subscriptions.pendingEnables(world.operator.id())).noneMatch(p -> p.vlan() == unit.vlan());
    }

    @Test
    void aGatewayRefusingTheCredentialsIsLoggedWithItsStatusAndAnnouncedAsGatewayChangeFailed() {
        EngineWorld wrong = new EngineWorld(context, receiver, "not-the-router-password");
        ConsoleSession wrongAdmin = ConsoleSession.login(new Http(port),
                fixtures.administrator(wrong.operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
        Unit unit = wrong.unit("901");
        subscriptions.addKey(wrong.operator.id(), new NewKey(unit.key(), wrong.plan.key(), EngineWorld.resident("lu"),
                clock.instant().minus(Duration.ofMinutes(1)), null, null));

        WebhookReceiver.Received failed = awaitWebhook("GatewayChangeFailed", wrong.gateway.key());
        JsonNode payload = Http.json().readTree(failed.body());
        assertThat(payload.get("statusCode").asInt()).isEqualTo(401);
        assertThat(payload.get("vlan").asInt()).isEqualTo(unit.vlan());
        JsonNode entry = wrongAdmin.post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID", wrong.gateway.key()).json()
                .get("log").get(0);
        assertThat(entry.get("event").get("ChangeAuthStatus").asString()).isEqualTo("FAIL");
        assertThat(entry.get("event").get("statusCode").asInt()).isEqualTo(401);
        assertThat(entry.get("event").get("ERROR").asString()).isNotBlank();
        assertThat(wrongAdmin.post(CONSOLE + "equipment/listOperatorLog").json().get("log"))
                .anySatisfy(e -> assertThat(e.get("function_name").asString()).isEqualTo("vault_networkoperator_equipmentConfigurator"));
        assertThat(subscriptions.pendingEnables(wrong.operator.id())).extracting(PendingVlanChange::vlan).containsExactly(unit.vlan());

        // The retries go on and each is in the equipment log, but the outage is announced once.
        await().atMost(Duration.ofSeconds(20)).until(() -> wrongAdmin.post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID",
                wrong.gateway.key()).json().get("log").size() >= 3);
        assertThat(receiver.accepted()).filteredOn(r -> r.body().contains("GatewayChangeFailed") && r.body().contains(wrong.gateway.key()))
                .hasSize(1);
        assertThat(wrongAdmin.post(CONSOLE + "equipment/listOperatorLog").json().get("log"))
                .filteredOn(e -> e.get("function_name").asString().equals("vault_networkoperator_equipmentConfigurator")).hasSize(1);
    }

    @Test
    void changingTheServicePlanIsValidatedLoggedAnnouncedAndPushesTheNewSpeedToTheGateway() throws Exception {
        Unit unit = world.unit("1001");
        String interfaceName = "portico-vlan" + unit.vlan();
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), world.plan.key(),
                EngineWorld.resident("mo"), clock.instant().minus(Duration.ofMinutes(1)), null, null));
        long id = key.subscription().id();
        String email = key.subscriber().email();
        await().atMost(Duration.ofSeconds(20)).until(() -> router.items("queue/simple").containsKey(interfaceName)
                && subscriptions.pendingEnables(world.operator.id()).isEmpty());
        assertThat(router.items("queue/simple").get(interfaceName)).containsEntry("max-limit", "50000k/300000k");
        ServicePlan slow = world.plan("Slow", 100_000L, 20_000L);
        String path = CONSOLE + "subscriptions/changeServicePlan";

        assertThat(admin.post(path, "SubscriptionID", id, "ServicePlanID", "no-such-plan").status()).isEqualTo(404);
        Http.Response same = admin.post(path, "SubscriptionID", id, "ServicePlanID", world.plan.key());
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(admin.post(path, "ServicePlanID", slow.key()).status()).isEqualTo(400);
        EngineWorld other = new EngineWorld(context, receiver);
        ConsoleSession otherAdmin = ConsoleSession.login(new Http(port),
                fixtures.administrator(other.operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
        assertThat(otherAdmin.post(path, "SubscriptionID", id, "ServicePlanID", other.plan.key()).status()).isEqualTo(404);
        ConsoleSession support = ConsoleSession.login(new Http(port),
                fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);
        assertThat(support.post(path, "SubscriptionID", id, "ServicePlanID", slow.key()).status()).isEqualTo(403);
        assertThat(subscriptions.view(world.operator.id(), id).orElseThrow().planKey()).isEqualTo(world.plan.key());
        assertThat(typesFor(email)).doesNotContain("SubscriptionPlanUpdated");

        JsonNode changed = admin.post(path, "SubscriptionID", id, "ServicePlanID", slow.key()).json();
        assertThat(changed.get("errorProcessing").asBoolean()).isFalse();
        assertThat(changed.get("ServicePlanID").asString()).isEqualTo(slow.key());
        assertThat(subscriptions.view(world.operator.id(), id).orElseThrow().planKey()).isEqualTo(slow.key());
        assertThat(operatorLog()).anySatisfy(e -> assertThat(e.toString()).contains("/subscriptions/changeServicePlan")
                .contains("to " + slow.key()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "20000k/100000k".equals(
                router.items("queue/simple").get(interfaceName).get("max-limit")));
        await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions.pendingEnables(world.operator.id()).isEmpty());
        WebhookReceiver.Received updated = awaitWebhook("SubscriptionPlanUpdated", email);
        assertThat(world.signatureValid(updated)).isTrue();
        JsonNode payload = Http.json().readTree(updated.body());
        assertThat(payload.get("ServicePlanID").asString()).isEqualTo(slow.key());
        assertThat(payload.get("PreviousServicePlanID").asString()).isEqualTo(world.plan.key());
        assertThat(payload.get("SubscriptionID").asLong()).isEqualTo(id);
        assertThat(payload.get("vlan").asInt()).isEqualTo(unit.vlan());
        assertThat(payload.has("dateAddedUTC.ISO8601")).isTrue();
    }

    private long queuedEmails(String recipient) {
        return jdbc.sql("select count(*) from email_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }

    private List<String> typesFor(String email) {
        return receiver.accepted().stream().map(r -> Http.json().readTree(r.body()))
                .filter(p -> p.has("EmailAddress") && p.get("EmailAddress").asString().equals(email))
                .map(p -> p.get("Type").asString()).toList();
    }

    private WebhookReceiver.Received awaitWebhook(String type, String marker) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                .filter(r -> r.body().contains("\"Type\":\"" + type + "\"") && r.body().contains(marker)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private MimeMessage awaitEmail(String to, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(to) && subject(m).contains(subjectPart)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private JsonNode webhookLogEntry(String type, String marker) {
        for (JsonNode w : admin.post(CONSOLE + "equipment/listWebhookLog").json().get("Webhooks")) {
            if (w.get("Type").asString().equals(type) && w.get("Payload").toString().contains(marker)) {
                return w;
            }
        }
        throw new AssertionError("no " + type + " webhook for " + marker);
    }

    private List<JsonNode> logEntries() {
        List<JsonNode> entries = new java.util.ArrayList<>();
        admin.post(CONSOLE + "equipment/listEquipmentLog", "EquipmentID", world.gateway.key()).json().get("log")
                .forEach(entries::add);
        return entries.stream().filter(e -> e.get("event").has("ChangeAuthStatus")).toList();
    }

    private List<String> logStatuses() {
        return logEntries().stream().map(e -> e.get("event").get("ChangeAuthStatus").asString()).toList();
    }

    private List<JsonNode> operatorLog() {
        List<JsonNode> entries = new java.util.ArrayList<>();
        admin.post(CONSOLE + "equipment/listOperatorLog").json().get("log").forEach(entries::add);
        return entries;
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static RouterOsSimulator simulator() {
        try {
            return new RouterOsSimulator(EngineWorld.ROUTER_USER, EngineWorld.ROUTER_PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
