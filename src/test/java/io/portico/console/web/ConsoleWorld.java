package io.portico.console.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.FccLabel;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Role;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.TestClock;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.portico.webhook.WebhookDelivery;
import io.portico.webhook.WebhookService;

/**
 * One fully configured operator for console tests, built through the services: every settings
 * section (as in the documented example), two plans, a venue with units and a gateway, and
 * subscriptions that make both pending VLAN lists non-empty, plus equipment and webhook log lines.
 */
final class ConsoleWorld {

    static final String RADIUS_SECRET = "radius-shared-secret-7781";
    static final String STRIPE_PUBLISHABLE = "pk_test_SAMPLEPUBLISHABLEKEY1234567890";
    static final String STRIPE_SIGNING = "whsec_SAMPLEWEBHOOKSIGNINGSECRET1234567890";
    static final String CLIENT_SECRET = "cognito-client-secret-4455";
    static final String PMS_KEY = "realpage-api-key-9911";

    final Operator operator;
    final Client client;
    final Venue venue;
    final ServicePlan retail;
    final ServicePlan bulk;
    final Unit activeUnit;
    final Unit endingUnit;
    final Unit endedUnit;
    final Equipment gateway;
    final IssuedKey active;
    final IssuedKey ended;
    final ConsoleSession admin;
    final Fixtures fixtures;
    final Http http;
    private final ApplicationContext context;

    ConsoleWorld(ApplicationContext context, Http http) {
        this.http = http;
        this.context = context;
        fixtures = context.getBean(Fixtures.class);
        var settings = context.getBean(OperatorSettingsService.class);
        var plans = context.getBean(PlanService.class);
        var venues = context.getBean(VenueService.class);
        var units = context.getBean(UnitService.class);
        var equipment = context.getBean(EquipmentService.class);
        var subscriptions = context.getBean(SubscriptionService.class);
        var webhooks = context.getBean(WebhookService.class);

        operator = fixtures.operator();
        client = fixtures.client(operator, "Customer Managed Properties");
        retail = plans.add(operator.id(), plan("1 Gbps (Retail)", 1600));
        bulk = plans.add(operator.id(), plan("1 Gbps (Bulk)", 0));
        configure(settings);

        venue = venues.add(operator.id(), new NewVenue(client.id(), "Site", new Address("1 Main St", "", "Addison", "TX",
                "75001", "USA"), NewVenue.zone("America/Chicago"), ""));
        activeUnit = units.add(operator.id(), venue.key(), new NewUnit("264", "2", "1", UnitPurpose.WIRED_UNIT, null, ""));
        endingUnit = units.add(operator.id(), venue.key(), new NewUnit("818", "1", "8", UnitPurpose.WIRED_UNIT, null, ""));
        endedUnit = units.add(operator.id(), venue.key(), new NewUnit("901", "1", "9", UnitPurpose.WIRED_UNIT, null, ""));
        gateway = equipment.add(operator.id(), venue.key(), "NYC-THAN-GTWY", new EquipmentDetails(EquipmentType.GATEWAY,
                "Mikrotik", "1036", "https", "203.0.113.42", "admin", "router-password", "In Service"));

        Instant now = context.getBean(TestClock.class).instant();
        active = subscriptions.addKey(operator.id(), new NewKey(activeUnit.key(), retail.key(),
                resident("resident-a"), now.minus(Duration.ofDays(2)), null, null));
        subscriptions.addKey(operator.id(), new NewKey(endingUnit.key(), retail.key(),
                resident("resident-b"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), null));
        ended = subscriptions.addKey(operator.id(), new NewKey(endedUnit.key(), bulk.key(),
                resident("resident-c"), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)), null));
        equipment.recordVlanState(gateway.id(), endedUnit.vlan(), true, now.minus(Duration.ofDays(39)));
        // Configured after the fixtures, so the webhook log holds only the two documented deliveries
        // below rather than outbox rows for the fixtures' own events.
        webhooks.configure(operator.id(), "https://webhook.example.com/anon", "webhook-signing-secret-0001");

        // The documented listEquipmentLog example's entries: port 979 twice, then 1489 (newest first).
        equipment.record(gateway.id(), portEnabled(now.minusSeconds(979), 979));
        equipment.record(gateway.id(), portEnabled(now.minusSeconds(980), 979));
        equipment.record(gateway.id(), portEnabled(now.minusSeconds(1489), 1489));
        webhooks.recordDelivery(operator.id(), new WebhookDelivery(now.minusSeconds(60), "SubscriptionStarted",
                "https://webhook.example.com/anon", Map.of("Type", "SubscriptionStarted", "vlan", activeUnit.vlan()), List.of("Accepted")));
        webhooks.recordDelivery(operator.id(), new WebhookDelivery(now.minusSeconds(30), "LoginPasswordCreated",
                "https://webhook.example.com/anon", Map.of("Type", "LoginPasswordCreated"), List.of("Accepted")));

        admin = session(Role.DOMAIN_ADMINISTRATORS);
        fixtures.administrator(operator, Role.ACCOUNT_MANAGERS);
        fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
    }

    ApplicationContext context() {
        return context;
    }

    ConsoleSession session(Role... roles) {
        return ConsoleSession.login(http, fixtures.administrator(operator, roles), Fixtures.PASSWORD);
    }

    private static EquipmentLogEntry portEnabled(Instant at, int port) {
        return new EquipmentLogEntry(at, "vault_networkoperator_equipmentConfigurator", Map.of("Command", "modify", "PORT", port,
                "ChangeAuthStatus", "SUCCESS", "PortSpeedStatus", "SUCCESS", "Request", "Enable port ..."), "", "", null, null, null);
    }

    static SubscriberDetails resident(String name) {
        return new SubscriberDetails(name + "-" + Fixtures.unique().toLowerCase() + "@example.com", "Given", "Family",
                "+15551234567", "en-us", false, true);
    }

    static PlanChanges plan(String name, long usdPrice) {
        return new PlanChanges(name, 1_000_000L, 1_000_000L, 100, false, true, name + " billed monthly", "",
                new FccLabel("FABCDE1234567898", 1_000_000, 1_000_000, "https://www.testprivacypol.com",
                        "https://www.testnetworkmgtpol.com", "https://www.testdatapol.com", "https://www.testbundledisc.com",
                        "http://www.test.com/customerservice"),
                "", "https://example.com/sample-images/serviceplan-sample.png", 0, 730.5, List.of("USD", "GBP"),
                Map.of("USD", usdPrice, "GBP", 0L), 0, 0, 3600);
    }

    private void configure(OperatorSettingsService settings) {
        long id = operator.id();
        settings.initialise(id, Section.PROFILE, new Sections.Profile("Anon Operator", "anon-operator.example.com",
                "anon.example.com", "*.anon.example.com", "123 Anon St", "Suite 100", "Anontown", "AN", "00000", "USA", "",
                "support@anon.example.com", "https://example.com/anon-logo.png", operator.key() + "._V3DISPLAY_.default",
                client.key()), Map.of());
        settings.initialise(id, Section.SIGN_ON, new Sections.SignOn("us-east-numbers", "", "idgoeshere",
                Map.of("okta", "", "office365", "")), Map.of(SecretName.SIGNON_CLIENT_SECRET, CLIENT_SECRET));
        settings.initialise(id, Section.PMS, new Sections.Pms("https://realpage.example.com", false),
                Map.of(SecretName.PMS_API_KEY, PMS_KEY));
        settings.initialise(id, Section.PLAN_DEFAULTS, new Sections.PlanDefaults(bulk.key(), retail.key()), Map.of());
        settings.initialise(id, Section.NETWORK, new Sections.Network(new Sections.VlanRange(1000, 1999),
                new Sections.VlanRange(2000, 2999), new Sections.VlanRange(3000, 3999), true, false, List.of("203.0.113.42/32"),
                new Sections.Radius("203.0.113.10", "1812", "1813"), List.of("VAULT", "Portico Demo"), List.of()),
                Map.of(SecretName.RADIUS_SECRET, RADIUS_SECRET));
        settings.initialise(id, Section.NOTIFICATIONS, new Sections.Notifications(0, true, true, false,
                "05ee060001824faa9e5aa0ed879b1fcc", "noreply@anon.example.com", true, "+10000000009"), Map.of());
        settings.initialise(id, Section.REPORTING, new Sections.Reporting(720, 720), Map.of());
        settings.initialise(id, Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "https://www.url.com", true, -1, -1),
                Map.of(SecretName.STRIPE_PUBLISHABLE_KEY, STRIPE_PUBLISHABLE, SecretName.STRIPE_SIGNING_SECRET, STRIPE_SIGNING));
        Map<String, Object> display = new LinkedHashMap<>();
        display.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : List.of("ThemeLight", "ThemeDark", "MetaData", "Behavior", "ShoppingCart", "Support")) {
            properties.put(name, Map.of("type", "object", "additionalProperties",
                    Map.of("type", name.equals("ShoppingCart") ? "boolean" : "string")));
        }
        display.put("properties", properties);
        settings.initialise(id, Section.DISPLAY, new Section.Display(display), Map.of());
        settings.initialise(id, Section.TANDC, new Section.TermsAndConditions(Map.of("en-us", "<h1>Terms</h1>",
                "es-xl", "Revise y acepte los términos de uso.")), Map.of());
        settings.initialise(id, Section.CERTIFICATES, new Section.Certificates(List.of(
                new Sections.Certificate("anon-operator1.example.com", "_anoncert1.anon-operator1.example.com.", "SUCCESS"),
                new Sections.Certificate("*.anon.example.com", "_anoncert2.anon.example.com.", "SUCCESS"))), Map.of());
        settings.initialise(id, Section.EMAIL, new Sections.Email("#000000",
                "arn:aws:ses:us-east-1:000000000000:identity/noreply@anon.example.com", false, "SUCCESS",
                "2024-01-01T00:00:00.000Z", List.of("abc123._domainkey.anon.example.com CNAME abc123.dkim.amazonses.com"),
                Map.of("en-us", Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of("Subject", "Welcome to {venuename} {operatorname} WiFi service"))),
                        "es-xl", Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of("Subject", "¡Bienvenido al servicio Wi-Fi de {venuename} {operatorname}"))))),
                Map.of());
    }
}
