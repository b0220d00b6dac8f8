package io.portico.console.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.plan.PlanService;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

/** The console's service plan routes in its Operator/Equipment section; {@link PlanWire} shapes both ways. */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class ServicePlanController {

    private final PlanService plans;

    ServicePlanController(PlanService plans) {
        this.plans = plans;
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
        return PlanWire.added(plans.add(actor, PlanWire.parse(body, Set.of())));
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
        return PlanWire.configured(plans.configure(actor, planKey.strip(), PlanWire.parse(body, Set.of("ServicePlanID"))));
    }
}
