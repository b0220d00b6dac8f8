package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.webhook.WebhookService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operator/configure* route changes only the fields it is given: an empty body is a 400
 * that changes nothing, and unknown or wrong-typed fields are 400s naming the field. The whole
 * configuration (listOperatorDetails, listEmailTemplates, the webhook endpoint) is compared
 * before and after each call.
 */
@PorticoIntegrationTest
class OperatorSettingsRoutesTest {

    private static final String OPERATOR = "/preview/networkoperatorconsole/operator/";

    /**
     * A route, one partial body, what else that body changes (state paths derived from the given
     * fields), and a wrong-typed body with its field.
     */
    private record Case(String route, Map<String, Object> partial, List<String> derived, Map<String, Object> wrongType,
                        String wrongField) {
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    ConsoleWorld world;

    @BeforeEach
    void setUp() {
        world = new ConsoleWorld(context, new Http(port));
    }

    private List<Case> cases() {
        return List.of(
                new Case("configureOperatorProfile", Map.of("City", "Springfield"), List.of(),
                        Map.of("City", 5), "City"),
                new Case("configureNetworkConfiguration", Map.of("Radius", Map.of("AccountingPort", "1913")),
                        List.of(),
                        Map.of("Radius", Map.of("AuthenticationPort", 1812)), "Radius.AuthenticationPort"),
                new Case("configureSignOn", Map.of("CognitoPool_Domain", "login.example.com"),
                        List.of(), Map.of("SAML", "okta"), "SAML"),
                new Case("configurePMS", Map.of("enableRealPageSync", true), List.of(),
                        Map.of("enableRealPageSync", "yes"), "enableRealPageSync"),
                new Case("configureServicePlanConfiguration", Map.of("DefaultServicePlanID_LocalWirelessAccess", world.bulk.key()),
                        List.of(),
                        Map.of("DefaultServicePlanID_LocalWirelessAccess", 7), "DefaultServicePlanID_LocalWirelessAccess"),
                new Case("configureNotifications", Map.of("WelcomeEmail_countdown_hours", 24),
                        List.of(),
                        Map.of("WelcomeEmail_countdown_hours", 1.5), "WelcomeEmail_countdown_hours"),
                new Case("configureReporting", Map.of("ReportingSubscriptionEnd_frequency_hours", 24),
                        List.of(),
                        Map.of("ReportingSubscriptionEnd_frequency_hours", "24"), "ReportingSubscriptionEnd_frequency_hours"),
                new Case("configureShoppingCart", Map.of("Stripe", Map.of("Stripe_allowrefund", false)),
                        List.of(), Map.of("enableShoppingCart", 1), "enableShoppingCart"),
                new Case("configureSupportedLocales", Map.of("SupportedLocales", Map.of("en-us", "English (US)",
                        "es-xl", "Spanish (Latin America)", "fr-ca", "French (Canada)")),
                        List.of("details.TandC", "templates"),
                        Map.of("SupportedLocales", List.of("en-us")), "SupportedLocales"),
                new Case("configureDisplayConfiguration", Map.of("DisplayConfiguration", Map.of("theme", "dark")),
                        List.of(), Map.of("DisplayConfiguration", "dark"), "DisplayConfiguration"),
                new Case("configureCertificates", Map.of("Certificates", List.of(Map.of("Domain", "new.example.com", "Name", "new",
                        "ValidationStatus", "PENDING_VALIDATION"))), List.of(),
                        Map.of("Certificates", Map.of("Domain", "x")), "Certificates"),
                new Case("configureEmailTemplates", Map.of("locale", "en-us", "brandcolor", "#123456"),
                        List.of(),
                        Map.of("locale", "en-us", "Templates", "Welcome!"), "Templates"),
                new Case("configureWebhook", Map.of("WebhookAllowPrivateTargets", true), List.of("webhook.allowPrivateTargets"),
                        Map.of("WebhookURL", true), "WebhookURL"));
    }

    @Test
    void everyConfigureRouteRefusesAnEmptyBodyAndChangesNothing() {
        for (Case c : cases()) {
            JsonNode before = state();
            Http.Response r = world.admin.post(OPERATOR + c.route());
            assertThat(r.status()).as("%s: %s", c.route(), r.raw()).isEqualTo(400);
            assertThat(r.json().get("message").asString()).as(c.route()).startsWith("Nothing to change: give at least one of ");
            assertThat(r.json().get("errorProcessing").asBoolean()).isTrue();
            assertThat(changes(before, state())).as(c.route()).isEmpty();
        }
    }

    @Test
    void everyConfigureRouteChangesOnlyTheFieldsGiven() {
        for (Case c : cases()) {
            JsonNode before = state();
            Http.Response r = world.admin.post(OPERATOR + c.route(), flatten(c.partial()));
            assertThat(r.status()).as("%s: %s", c.route(), r.raw()).isEqualTo(200);
            assertThat(r.json().get("message").asString()).as(c.route()).startsWith("Updated ");
            TreeSet<String> changed = changes(before, state());
            assertThat(changed).as(c.route()).isNotEmpty();
            List<String> given = names(c.partial());
            assertThat(changed).as(c.route()).allMatch(path -> List.of(path.split("\\.")).stream().anyMatch(given::contains)
                    || c.derived().stream().anyMatch(path::startsWith));
        }
    }

    @Test
    void everyConfigureRouteRefusesUnknownAndWrongTypedFieldsNamingThem() {
        for (Case c : cases()) {
            JsonNode before = state();
            Http.Response unknown = world.admin.post(OPERATOR + c.route(), "Colour", "blue");
            assertThat(unknown.status()).as(c.route()).isEqualTo(400);
            assertThat(unknown.json().get("message").asString()).as(c.route()).isEqualTo("Unknown field 'Colour'.");
            Http.Response wrong = world.admin.post(OPERATOR + c.route(), flatten(c.wrongType()));
            assertThat(wrong.status()).as("%s: %s", c.route(), wrong.raw()).isEqualTo(400);
            assertThat(wrong.json().get("message").asString()).as(c.route()).startsWith("Field '" + c.wrongField() + "' must be ");
            assertThat(changes(before, state())).as(c.route()).isEmpty();
        }
    }

    @Test
    void nestedFieldsAreNamedAndAnEmptyObjectOrALocaleAloneChangesNothing() {
        Http.Response r = world.admin.post(OPERATOR + "configureNetworkConfiguration", "Radius", Map.of("Colour", "blue"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("Unknown field 'Radius.Colour'.");
        Http.Response empty = world.admin.post(OPERATOR + "configureShoppingCart", "Stripe", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asString()).startsWith("Nothing to change");
        Http.Response localeOnly = world.admin.post(OPERATOR + "configureEmailTemplates", "locale", "en-us");
        assertThat(localeOnly.status()).isEqualTo(400);
        assertThat(localeOnly.json().get("message").asString()).startsWith("Nothing to change");
    }

    @Test
    void configureWebhookKeepsTheUrlUnlessItIsGivenAndAnEmptyUrlTurnsWebhooksOff() {
        WebhookService webhooks = context.getBean(WebhookService.class);
        assertThat(world.admin.post(OPERATOR + "configureWebhook", "WebhookSigningSecret", "a-new-signing-secret-1234").status())
                .isEqualTo(200);
        assertThat(webhooks.endpoint(world.operator.id()).url()).isEqualTo("https://webhook.example.com/anon");
        assertThat(webhooks.endpoint(world.operator.id()).maskedSecret()).endsWith("1234");
        assertThat(world.admin.post(OPERATOR + "configureWebhook", "WebhookURL", "").status()).isEqualTo(200);
        assertThat(webhooks.endpoint(world.operator.id()).url()).isEmpty();
    }

    /** The field names of a body, nested ones included. */
    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> body) {
        return body.entrySet().stream().flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.getKey()),
                e.getValue() instanceof Map<?, ?> nested ? names((Map<String, Object>) nested).stream()
                        : java.util.stream.Stream.empty())).toList();
    }

    private static Object[] flatten(Map<String, Object> body) {
        return body.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }

    /** Everything an operator/configure* route can change, as one JSON tree. */
    private JsonNode state() {
        ObjectNode state = Http.json().createObjectNode();
        state.set("details", world.admin.post("/preview/networkoperatorconsole/equipment/listOperatorDetails").json());
        state.set("templates", world.admin.post("/preview/networkoperatorconsole/equipment/listEmailTemplates").json());
        WebhookService webhooks = context.getBean(WebhookService.class);
        ObjectNode webhook = state.putObject("webhook");
        webhook.put("url", webhooks.endpoint(world.operator.id()).url());
        webhook.put("secret", webhooks.endpoint(world.operator.id()).maskedSecret());
        webhook.put("allowPrivateTargets", webhooks.allowsPrivateTargets(world.operator.id()));
        return state;
    }

    /** The paths of the leaves that differ between two trees (a leaf present on one side only counts). */
    private static TreeSet<String> changes(JsonNode before, JsonNode after) {
        TreeSet<String> out = new TreeSet<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, TreeSet<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a == null || !a.equals(b)) {
            out.add(path);
        }
    }
}
