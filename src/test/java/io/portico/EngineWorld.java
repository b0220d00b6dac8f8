package io.portico;

import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.ApplicationContext;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.subscription.SubscriberDetails;
import io.portico.support.Fixtures;
import io.portico.support.WebhookReceiver;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.portico.webhook.WebhookService;
import io.portico.webhook.delivery.StandardWebhookSigner;

/**
 * One operator wired to real parts for the engine tests: a venue with a RouterOS gateway on the
 * simulator (loopback), a plan, a webhook endpoint on a loopback receiver (private targets allowed)
 * and notifications on, sending from noreply@engines.example.
 */
final class EngineWorld {

    static final String ROUTER_USER = "portico";
    static final String ROUTER_PASSWORD = "router-api-pass";
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_VLAN = new java.util.concurrent.atomic.AtomicInteger(100);

    final Operator operator;
    final Venue venue;
    final ServicePlan plan;
    final Equipment gateway;
    final String secret = StandardWebhookSigner.newSecret();
    private final UnitService units;
    private final EquipmentService equipment;
    private final PlanService plans;

    EngineWorld(ApplicationContext context, WebhookReceiver receiver) {
        this(context, receiver, ROUTER_PASSWORD);
    }

    /** With the gateway's stored API password {@code routerPassword} (a wrong one makes the router answer 401). */
    EngineWorld(ApplicationContext context, WebhookReceiver receiver, String routerPassword) {
        TenantService tenants = context.getBean(TenantService.class);
        operator = tenants.createOperator("USA.MA.02139.ENG" + Fixtures.unique() + ".TEST", "Engines Test Operator");
        Client client = tenants.createClient(operator.id(), "Engine Properties", null);
        OperatorSettingsService settings = context.getBean(OperatorSettingsService.class);
        settings.initialise(operator.id(), Section.NOTIFICATIONS, new Sections.Notifications(0, true, true, false, "",
                "noreply@engines.example", true, ""), Map.of());
        plans = context.getBean(PlanService.class);
        plan = plan("Fast", 300_000L, 50_000L);
        venue = context.getBean(VenueService.class).add(operator.id(), new NewVenue(client.id(), "Harbor Lofts",
                new Address("1 Main St", "", "Cambridge", "MA", "02139", "USA"), NewVenue.zone("America/New_York"), ""));
        gateway = context.getBean(EquipmentService.class).add(operator.id(), venue.key(), "GW1", new EquipmentDetails(
                EquipmentType.GATEWAY, "Mikrotik", "RB5009", "http", "127.0.0.1", ROUTER_USER, routerPassword, "In Service"));
        WebhookService webhooks = context.getBean(WebhookService.class);
        webhooks.configure(operator.id(), receiver.url(), secret);
        webhooks.allowPrivateTargets(operator.id(), true);
        units = context.getBean(UnitService.class);
        equipment = context.getBean(EquipmentService.class);
    }

    /** Another service plan of the operator. */
    ServicePlan plan(String name, long downloadKbps, long uploadKbps) {
        return plans.add(operator.id(), new PlanChanges(name, downloadKbps, uploadKbps, 10, false, true,
                name, "", null, "", "", 0, 730.5, List.of("USD"), Map.of("USD", 0L), 0, 0, 3600));
    }

    /** A second gateway at the venue that Portico cannot drive: staff confirm its changes. */
    Equipment manualGateway(String name) {
        return equipment.add(operator.id(), venue.key(), name, new EquipmentDetails(EquipmentType.GATEWAY, "Ubiquiti",
                "UDM", "ssh", "127.0.0.1", "admin", null, "In Service"));
    }

    /** A unit with a VLAN no other world in this JVM uses, as the worlds share one router simulator. */
    Unit unit(String name) {
        return units.add(operator.id(), venue.key(), new NewUnit(name, "1", "2", UnitPurpose.WIRED_UNIT,
                NEXT_VLAN.getAndIncrement(), ""));
    }

    static SubscriberDetails resident(String name) {
        return new SubscriberDetails(name + "-" + Fixtures.unique().toLowerCase() + "@example.com", "Ana", "Lopez",
                "+15551234567", "en-us", false, true);
    }

    /** Verifies a Standard Webhooks signature independently of Portico's signer. */
    boolean signatureValid(WebhookReceiver.Received r) throws Exception {
        byte[] key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return List.of(r.signature().split(" ")).contains(expected);
    }
}
