package io.portico.console.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.audit.LogWindow;
import io.portico.equipment.EquipmentLog;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.equipment.EquipmentService;
import io.portico.identity.IdentityService;
import io.portico.operator.OperatorSettings;
import io.portico.operator.OperatorSettingsService;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.SubscriptionService;
import io.portico.tenant.TenantService;
import io.portico.webhook.DeliveryWindow;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's Operator/Equipment section: the ten documented routes under
 * {@code /preview/networkoperatorconsole/equipment/}, wire-compatible with the published API.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class EquipmentSectionController {

    /** How many equipment log entries one listEquipmentLog call returns at most (newest first). */
    static final int EQUIPMENT_LOG_LIMIT = 1000;

    record Empty() {
    }

    record Window(@JsonProperty("MinViewWindowDateUTC.ISO8601") @Nullable String min,
                  @JsonProperty("MaxViewWindowDateUTC.ISO8601") @Nullable String max) {

        @Nullable Instant from() {
            return ConsoleFormats.parseIso(min, "MinViewWindowDateUTC.ISO8601");
        }

        @Nullable Instant to() {
            return ConsoleFormats.parseIso(max, "MaxViewWindowDateUTC.ISO8601");
        }
    }

    record TandC(@JsonProperty("locale") @Nullable String locale, @JsonProperty("TandC") @Nullable String text) {
    }

    record EquipmentRef(@JsonProperty("EquipmentID") @Nullable String equipmentId) {
    }

    private final SubscriptionService subscriptions;
    private final PlanService plans;
    private final OperatorSettingsService settings;
    private final IdentityService identity;
    private final TenantService tenants;
    private final WebhookService webhooks;
    private final AuditService audit;
    private final EquipmentService equipment;

    EquipmentSectionController(SubscriptionService subscriptions, PlanService plans, OperatorSettingsService settings,
                               IdentityService identity, TenantService tenants, WebhookService webhooks,
                               AuditService audit, EquipmentService equipment) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.settings = settings;
        this.identity = identity;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.audit = audit;
        this.equipment = equipment;
    }

    @PostMapping("/gateway/listPendingGatewayVLANEnable")
    @Operation(summary = "Lists subscriptions whose VLAN is still to be enabled on the venue's gateway",
            description = "Pending when the subscription has started, has not ended, and its unit's VLAN is not confirmed enabled "
                    + "on every gateway of the venue. Read-only. Roles: DomainAdministrators, AccountManagers, CustomerSupport.")
    Map<String, Object> pendingEnable(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return pending(subscriptions.pendingEnables(actor), "VLAN not enabled.");
    }

    @PostMapping("/gateway/listPendingGatewayVLANDisable")
    @Operation(summary = "Lists units whose VLAN is still to be disabled on the venue's gateway",
            description = "Pending when every subscription on the unit has ended and its VLAN is still enabled on a gateway of the venue; "
                    + "each unit is shown with its last-ending subscription. Read-only.")
    Map<String, Object> pendingDisable(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return pending(subscriptions.pendingDisables(actor), "VLAN enabled.");
    }

    private static Map<String, Object> pending(List<PendingVlanChange> list, String status) {
        List<Map<String, Object>> rows = list.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("VenueID", p.venueKey());
            m.put("UnitID_internal", p.unitKey());
            m.put("vlan", p.vlan());
            m.put("SubscriberEmail", p.subscriberEmail());
            m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(p.startsAt()));
            if (p.endsAt() != null) {
                m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(p.endsAt()));
            }
            m.put("Status", status);
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("Subscriptions", rows);
        body.put("SubscriptionCount", rows.size());
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/listServicePlans")
    @Operation(summary = "Lists the operator's service plans (a bare JSON array)",
            description = "Prices are in minor units (cents) per currency as BillingCyclePrice.<CUR>.")
    List<Map<String, Object>> listServicePlans(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return plans.list(actor).stream().map(PlanWire::render).toList();
    }

    @PostMapping("/addServicePlan")
    @Operation(summary = "Adds a service plan",
            description = "Required: ServicePlanName, DownloadKbps, UploadKbps (1..100000000), ConcurrentDevices (1..512). "
                    + "Optional: the other documented plan fields; prices as BillingCyclePrice.<ISO 4217 code> in minor units >= 0. "
                    + "Any other field is a 400 naming it. A duplicate name is 409. Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> addServicePlan(Actor actor, @RequestBody ObjectNode body) {
        ServicePlan plan = plans.add(actor, PlanWire.parse(body, Set.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", PlanService.addedMessage(plan));
        out.put("ServicePlanID", plan.key());
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/configureServicePlan")
    @Operation(summary = "Changes the given fields of a service plan",
            description = "ServicePlanID is required; other fields as addServicePlan, only those given change. The message lists each "
                    + "change (and every price given) and is written to the operator log. The ServicePlanID never changes.")
    Map<String, Object> configureServicePlan(Actor actor, @RequestBody ObjectNode body) {
        String planKey = WireFields.of(body).text("ServicePlanID");
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("ServicePlanID", "ServicePlanID is required.");
        }
        String message = plans.configure(actor, planKey.strip(), PlanWire.parse(body, Set.of("ServicePlanID")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/listOperatorDetails")
    @Operation(summary = "Returns the operator's whole configuration",
            description = "Every section of the published example. Secrets (RadiusSecret, Stripe keys and signing secret, "
                    + "CognitoPool_appclientsecret, RealPageAPIKey) are masked: asterisks and at most the last 4 characters.")
    Map<String, Object> listOperatorDetails(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        OperatorSettings s = settings.settings(actor);
        String endpoint = ServletUriComponentsBuilder.fromCurrentContextPath().path(OperatorWire.API_ENDPOINT_PATH).toUriString();
        return OperatorWire.details(s, identity.listAdministrators(actor.operatorId()), plans.listByOperator(actor.operatorId()),
                tenants.listClients(actor.operatorId()), webhooks.endpoint(actor.operatorId()), endpoint);
    }

    @PostMapping("/listEmailTemplates")
    @Operation(summary = "Returns email templates and configuration per supported locale with the dynamic variables")
    Map<String, Object> listEmailTemplates(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return OperatorWire.emailTemplates(settings.settings(actor));
    }

    @PostMapping("/listOperatorLog")
    @Operation(summary = "Lists operator log entries in a window, newest first",
            description = "MaxViewWindowDateUTC.ISO8601 defaults to now, MinViewWindowDateUTC.ISO8601 to 15 days before the max. "
                    + "log_count is the number of entries in the window, log_returned the number returned: at most 1000. "
                    + "Roles: every role (SIEMAdministrators read logs only).")
    Map<String, Object> listOperatorLog(Actor actor, @RequestBody(required = false) @Nullable Window window) {
        Window w = window == null ? new Window(null, null) : window;
        LogWindow result = audit.window(actor, w.from(), w.to(), LogWindow.MAX_RETURNED);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("log", result.entries().stream().map(EquipmentSectionController::logEntry).toList());
        body.put("log_count", result.total());
        body.put("log_returned", result.entries().size());
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> logEntry(LogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(e.occurredAt()));
        m.put("function_name", e.functionName());
        m.put("event", e.event());
        if (e.administrator() != null) {
            m.put("Administrator", e.administrator());
        }
        m.put("SourceIP", e.sourceIp());
        if (e.administrator() != null) {
            m.put("SourceLocale", e.sourceLocale());
            m.put("SourceUA", e.sourceUserAgent());
        }
        m.put("UnitID_internal", e.unitId());
        m.put("VenueID", e.venueId());
        return m;
    }

    @PostMapping("/configureTandC")
    @Operation(summary = "Sets the terms and conditions of one supported locale",
            description = "DomainAdministrators only. Text with script, event-handler attributes, javascript: or data: URLs, "
                    + "frames, forms, styles or other active content is rejected (400) with a message naming what was found; "
                    + "formatting HTML (headings, paragraphs, lists, tables, emphasis, images, http/https/mailto links) is kept as given.")
    Map<String, Object> configureTandC(Actor actor, @RequestBody TandC request) {
        String text = settings.configureTandC(actor, request.locale(), request.text());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("TandC." + request.locale().strip().toLowerCase(java.util.Locale.ROOT), text);
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/listEquipmentLog")
    @Operation(summary = "Returns equipment details and its log, newest first (at most 1000 entries)",
            description = "Unknown EquipmentID or another operator's: 404.")
    Map<String, Object> listEquipmentLog(Actor actor, @RequestBody EquipmentRef request) {
        EquipmentLog log = equipment.log(actor, request.equipmentId(), EQUIPMENT_LOG_LIMIT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.putAll(EquipmentWire.render(log.equipment()));
        body.put("log", log.entries().stream().map(EquipmentSectionController::equipmentLogEntry).toList());
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> equipmentLogEntry(EquipmentLogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(e.occurredAt()));
        m.put("function_name", e.functionName());
        m.put("event", e.event());
        m.put("SourceIP", e.sourceIp());
        m.put("FirewallSourceIP", e.firewallSourceIp());
        m.put("Administrator", e.administrator());
        m.put("SourceLocale", e.sourceLocale());
        m.put("SourceUA", e.sourceUserAgent());
        return m;
    }

    @PostMapping("/listWebhookLog")
    @Operation(summary = "Lists webhook deliveries in a window, newest first",
            description = "Window defaults and the cap (1000) as listOperatorLog. Each entry: Type, WebhookURL, Payload, webhookresponse.")
    Map<String, Object> listWebhookLog(Actor actor, @RequestBody(required = false) @Nullable Window window) {
        Window w = window == null ? new Window(null, null) : window;
        DeliveryWindow result = webhooks.window(actor, w.from(), w.to());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Webhooks", result.deliveries().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(d.occurredAt()));
            m.put("Type", d.type());
            m.put("WebhookURL", d.url());
            m.put("Payload", d.payload());
            m.put("webhookresponse", d.responses());
            return m;
        }).toList());
        body.put("errorProcessing", false);
        return body;
    }
}
