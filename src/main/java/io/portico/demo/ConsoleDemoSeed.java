package io.portico.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

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
import io.portico.platform.AdministratorActed;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.tenant.Operator;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.portico.webhook.WebhookService;

/**
 * Demo data for the operator console: every settings section, 4 service plans, 200 units over
 * the five demo venues, a {@link DemoGateway} per venue, and 150 subscribers whose subscriptions
 * are future, active, ended, pending VLAN enable and pending VLAN disable (none at the fifth
 * venue, whose gateway is the failure demonstration), with operator, equipment and webhook log
 * entries. Demo secrets are obviously fake.
 */
@Component
class ConsoleDemoSeed implements DemoSeed {

    private static final String[] GIVEN = {"Ana", "Ben", "Chloe", "Dev", "Ema", "Femi", "Gus", "Hana", "Ivan", "Jia"};
    private static final String[] FAMILY = {"Nguyen", "Okafor", "Silva", "Kowalski", "Haddad", "Tanaka", "Murphy", "Rossi", "Khan", "Berg"};

    private final OperatorSettingsService settings;
    private final PlanService plans;
    private final VenueService venues;
    private final UnitService units;
    private final EquipmentService equipment;
    private final SubscriptionService subscriptions;
    private final WebhookService webhooks;
    private final ApplicationEventPublisher events;

    ConsoleDemoSeed(OperatorSettingsService settings, PlanService plans, VenueService venues, UnitService units,
                    EquipmentService equipment, SubscriptionService subscriptions, WebhookService webhooks,
                    ApplicationEventPublisher events) {
        this.settings = settings;
        this.plans = plans;
        this.venues = venues;
        this.units = units;
        this.equipment = equipment;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.events = events;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed(DemoContext context) {
        Operator operator = context.operator();
        long id = operator.id();
        Instant now = context.now();
        List<ServicePlan> demoPlans = List.of(
                plans.add(id, plan("100 Mbps", 100_000, 20_000, 10, 4500)),
                plans.add(id, plan("300 Mbps", 300_000, 50_000, 25, 6500)),
                plans.add(id, plan("1 Gbps (Retail)", 1_000_000, 1_000_000, 100, 9900)),
                plans.add(id, plan("1 Gbps (Bulk)", 1_000_000, 1_000_000, 100, 0)));
        configure(context, demoPlans);
        webhooks.configure(id, "https://hooks." + DemoDataLoader.DOMAIN + "/console", "demo-webhook-signing-secret-0001");

        List<Venue> sites = venues.listByOperator(id);
        List<Unit> allUnits = new ArrayList<>();
        List<Equipment> gateways = new ArrayList<>();
        for (int v = 0; v < sites.size(); v++) {
            Venue venue = sites.get(v);
            DemoGateway demo = DemoGateway.ALL.get(v);
            Equipment gateway = equipment.add(id, venue.key(), demo.name(), new EquipmentDetails(EquipmentType.GATEWAY,
                    "Mikrotik", demo.model(), "http", demo.host(), DemoGateway.USER, demo.password(), "In Service"));
            gateways.add(gateway);
            for (int u = 0; u < 200 / sites.size(); u++) {
                int floor = u / 10 + 1;
                allUnits.add(units.add(id, venue.key(), new NewUnit(Integer.toString(floor * 100 + u % 10 + 1), "A",
                        Integer.toString(floor), u % 8 == 7 ? UnitPurpose.LOCAL_WIRELESS : UnitPurpose.WIRED_UNIT, null, "")));
            }
            for (int port : demo.refusesChanges() ? List.<Integer>of() : List.of(1, 2)) {
                equipment.record(gateway.id(), new EquipmentLogEntry(now.minus(Duration.ofHours(port * 5L)),
                        "vault_networkoperator_equipmentConfigurator", Map.of("Command", "modify", "PORT", port,
                        "ChangeAuthStatus", "SUCCESS", "Request", "Enable port " + port), "", "", null, null, null));
            }
        }
        Map<Long, Equipment> gatewayOfVenue = new LinkedHashMap<>();
        gateways.forEach(g -> gatewayOfVenue.put(g.venueId(), g));

        for (int i = 0; i < 150; i++) {
            Unit unit = allUnits.get(i);
            ServicePlan plan = demoPlans.get(i % demoPlans.size());
            Instant start;
            Instant end;
            switch (i % 5) {
                case 0 -> { start = now.plus(Duration.ofDays(1 + i % 20)); end = null; }                      // future
                case 1 -> { start = now.minus(Duration.ofDays(30 + i)); end = now.plus(Duration.ofDays(200)); } // active, confirmed
                case 2 -> { start = now.minus(Duration.ofHours(2 + i % 12)); end = null; }                    // pending enable
                case 3 -> { start = now.minus(Duration.ofDays(400)); end = now.minus(Duration.ofHours(3)); }  // pending disable
                default -> { start = now.minus(Duration.ofDays(500)); end = now.minus(Duration.ofDays(100)); } // ended, disabled
            }
            String email = GIVEN[i % 10].toLowerCase() + "." + FAMILY[i / 10 % 10].toLowerCase() + i + "@residents.demo.portico.example";
            subscriptions.addKey(id, new NewKey(unit.key(), plan.key(), new SubscriberDetails(email,
                    GIVEN[i % 10], FAMILY[i / 10 % 10], "+1555010" + String.format("%04d", i), i % 7 == 0 ? "es-xl" : "en-us",
                    i % 3 == 0, true), start, end, null));
            Equipment gateway = gatewayOfVenue.get(unit.venueId());
            if (i % 5 == 1 || i % 5 == 3) {
                equipment.recordVlanState(gateway.id(), unit.vlan(), true, start.plusSeconds(60));
            } else if (i % 5 == 4) {
                equipment.recordVlanState(gateway.id(), unit.vlan(), false, end.plusSeconds(60));
            }
        }
        String admin = "Demo DomainAdministrators (domainadministrators@" + DemoDataLoader.DOMAIN + ")";
        RequestOrigin origin = new RequestOrigin("203.0.113.42", "en-us", "Portico demo loader");
        for (int i = 0; i < demoPlans.size(); i++) {
            events.publishEvent(new AdministratorActed(id, admin, origin, "/equipment/addServicePlan",
                    Map.of("message", PlanService.addedSummary(demoPlans.get(i))), "", "", now.minus(Duration.ofDays(5 - i))));
        }
        // The webhooks of everything above are the demo's past: delivered to the fictional receiver,
        // never queued to it. Live events go to PORTICO_DEMO_WEBHOOK_URL only (DemoWebhookSetup).
        webhooks.recordQueuedAsDelivered(id, "202 Accepted");
        webhooks.configure(id, "", null);
    }

    private static PlanChanges plan(String name, long down, long up, int devices, long usdCents) {
        return new PlanChanges(name, down, up, devices, name.contains("Bulk"), !name.contains("Bulk"), name + ", billed monthly", "",
                new FccLabel("", up, down, "https://demo.portico.example/privacy", "https://demo.portico.example/network",
                        "https://demo.portico.example/data", "", "https://demo.portico.example/support"),
                "", "", 0, PlanService.MONTH_HOURS, List.of("USD"), Map.of("USD", usdCents), 0, 0, 3600);
    }

    private void configure(DemoContext context, List<ServicePlan> demoPlans) {
        long id = context.operator().id();
        String domain = DemoDataLoader.DOMAIN;
        settings.initialise(id, Section.PROFILE, new Sections.Profile("Portico Demo Networks", "console." + domain, domain,
                "*." + domain, "1 Kendall Sq", "Suite 200", "Cambridge", "MA", "02139", "USA", "+16175550100",
                "support@" + domain, "", context.operator().key() + "._V3DISPLAY_.default", context.clients().getFirst().key()), Map.of());
        settings.initialise(id, Section.SIGN_ON, new Sections.SignOn("demo-pool", "", "demo-app-client",
                Map.of("okta", "", "office365", "")), Map.of(SecretName.SIGNON_CLIENT_SECRET, "demo-client-secret-0001"));
        settings.initialise(id, Section.PMS, new Sections.Pms("", false), Map.of(SecretName.PMS_API_KEY, "demo-realpage-key-0001"));
        settings.initialise(id, Section.PLAN_DEFAULTS, new Sections.PlanDefaults(demoPlans.get(3).key(), demoPlans.get(0).key()), Map.of());
        settings.initialise(id, Section.NETWORK, Section.NETWORK.defaults(), Map.of(SecretName.RADIUS_SECRET, "demo-radius-secret-0001"));
        settings.initialise(id, Section.NOTIFICATIONS, new Sections.Notifications(0, true, true, false, "", "noreply@" + domain,
                false, ""), Map.of());
        settings.initialise(id, Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_PUBLISHABLE_KEY, "pk_test_demo_publishable_0001",
                        SecretName.STRIPE_SIGNING_SECRET, "whsec_demo_signing_secret_0001"));
        settings.initialise(id, Section.DISPLAY, new Section.Display(Map.of("type", "object", "properties",
                Map.of("ThemeLight", Map.of("type", "object", "additionalProperties", Map.of("type", "string"))))), Map.of());
        settings.initialise(id, Section.TANDC, new Section.TermsAndConditions(Map.of(
                "en-us", "<h1>Terms of use</h1><p>Please review and accept the terms of use to enable your Wi-Fi access.</p>",
                "es-xl", "<h1>Términos de uso</h1><p>Revise y acepte los términos de uso para habilitar su acceso a Wi-Fi.</p>")), Map.of());
        settings.initialise(id, Section.CERTIFICATES, new Section.Certificates(List.of(
                new Sections.Certificate("console." + domain, "_demo1.console." + domain + ".", "SUCCESS"))), Map.of());
        settings.initialise(id, Section.EMAIL, new Sections.Email("#1A5FB4", "", false, "SUCCESS", "", List.of(),
                Map.of("en-us", Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of("Subject", "Welcome to {venuename} {operatorname} WiFi service"))),
                        "es-xl", Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of("Subject", "¡Bienvenido al servicio Wi-Fi de {venuename} {operatorname}"))))),
                Map.of());
    }
}
