package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.identity.IdentityService;
import io.portico.operator.OperatorSettings;
import io.portico.operator.OperatorSettingsService;
import io.portico.plan.PlanService;
import io.portico.platform.Actor;
import io.portico.tenant.TenantService;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's read of the operator's whole configuration (listOperatorDetails) and its email
 * templates, shaped by {@link OperatorWire}. The details gather five modules' data, so this is
 * the one console controller that asks more than one service per route.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class OperatorDetailsController {

    private final OperatorSettingsService settings;
    private final IdentityService identity;
    private final PlanService plans;
    private final TenantService tenants;
    private final WebhookService webhooks;

    OperatorDetailsController(OperatorSettingsService settings, IdentityService identity, PlanService plans,
                              TenantService tenants, WebhookService webhooks) {
        this.settings = settings;
        this.identity = identity;
        this.plans = plans;
        this.tenants = tenants;
        this.webhooks = webhooks;
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
}
