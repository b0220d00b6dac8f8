package io.portico.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.portico.plan.FccLabel;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.PlanTerms;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Service plans: list, add and change them with their FCC broadband label, through the plan
 * service the console API uses (addServicePlan, configureServicePlan: same checks, operator log).
 */
@Controller
@Hidden
class MduPlanController extends MduPages {

    private final PlanService plans;

    MduPlanController(DashboardPages pages, DashboardSessions sessions, PlanService plans) {
        super(pages, sessions);
        this.plans = plans;
    }

    @GetMapping("/dashboard/mdu/plans")
    String list(Actor actor, @RequestParam(required = false) @Nullable String after, HttpServletRequest request, Model model) {
        return listPage(actor, after, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/plans")
    String add(Actor actor, @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
               Model model) {
        return change(request, response, form, "plan-add", () -> {
            PlanChanges changes = changes(form, true);
            ServicePlan plan = clash(() -> plans.add(actor, changes), e -> DashboardRefusal.conflict("mdu.conflict.plan-add", changes.name()))
                    .plan();
            return "redirect:/dashboard/mdu/plans?done=added#plan-" + plan.id();
        }, refused -> listPage(actor, null, refused, request, model));
    }

    @GetMapping("/dashboard/mdu/plans/{key}")
    String plan(Actor actor, @PathVariable String key, HttpServletRequest request, Model model) {
        return planPage(actor, key, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/plans/{key}")
    String configure(Actor actor, @PathVariable String key, @RequestParam Map<String, String> form, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        return change(request, response, form, "plan-edit", () -> {
            PlanChanges changes = changes(form, false);
            clash(() -> plans.configure(actor, plan(actor, key).key(), changes),
                    e -> DashboardRefusal.conflict("mdu.conflict.plan-edit", changes.name()));
            return "redirect:/dashboard/mdu/plans?done=updated";
        }, refused -> planPage(actor, key, refused, request, model));
    }

    private String listPage(Actor actor, @Nullable String after, MduForm form, HttpServletRequest request, Model model) {
        Slice<ServicePlan> shown = plans.page(actor, Optional.ofNullable(after).filter(a -> !a.isBlank()), PAGE);
        List<MduViews.PlanRow> rows = shown.rows().stream().map(p -> new MduViews.PlanRow(p, path(p))).toList();
        String next = shown.more() ? UriComponentsBuilder.fromPath("/dashboard/mdu/plans").queryParam("after", shown.rows().getLast().key())
                .encode().build().toUriString() : null;
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.plans.title"));
        model.addAttribute("view", new MduViews.PlansView(rows, next, actor.can(Permission.MANAGE_PLANS), MduVenueController.done(request),
                form));
        return "dashboard/mdu-plans";
    }

    private String planPage(Actor actor, String key, MduForm form, HttpServletRequest request, Model model) {
        ServicePlan plan = plan(actor, key);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.plan.title", plan.terms().name()));
        model.addAttribute("view", new MduViews.PlanView(plan, actor.can(Permission.MANAGE_PLANS), form));
        return "dashboard/mdu-plan";
    }

    private ServicePlan plan(Actor actor, String key) {
        actor.require(Permission.READ_CONFIGURATION);
        return plans.findByKey(actor.operatorId(), key)
                .orElseThrow(() -> DashboardRefusal.notFound("error.unknown.servicePlan", key));
    }

    static String path(ServicePlan p) {
        return "/dashboard/mdu/plans/" + UriUtils.encodePathSegment(p.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The form's fields as the plan service's changes; every field of the form is given (a form
     * sends all). The form prices one currency: a new plan has only it, a changed plan keeps its
     * other currencies' prices.
     */
    private static PlanChanges changes(Map<String, String> form, boolean adding) {
        String currency = PlanTerms.currency(text(form, "currency").isEmpty() ? "USD" : text(form, "currency").toUpperCase(java.util.Locale.ROOT));
        Long price = whole(form, "price", "prices");
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put(currency, price == null ? 0L : price);
        Long typicalDown = whole(form, "fccTypicalDownloadKbps", "typicalDownloadKbps");
        Long typicalUp = whole(form, "fccTypicalUploadKbps", "typicalUploadKbps");
        FccLabel fcc = new FccLabel(text(form, "fccPlanId"), typicalUp == null ? 0 : typicalUp, typicalDown == null ? 0 : typicalDown,
                text(form, "fccPrivacyUrl"), text(form, "fccNetworkUrl"), text(form, "fccDataUrl"), text(form, "fccBundleUrl"),
                text(form, "fccSupportUrl"));
        String hours = text(form, "billingCycleHours");
        Double cycle;
        try {
            cycle = hours.isEmpty() ? null : Double.valueOf(hours);
        } catch (NumberFormatException e) {
            throw PorticoException.invalid("billingCycleHours", "{billingCycleHours} must be a number.");
        }
        return new PlanChanges(text(form, "name"), whole(form, "downloadKbps", "downloadKbps"), whole(form, "uploadKbps", "uploadKbps"),
                integer(form, "concurrentDevices", "concurrentDevices"), form.containsKey("globallyAvailable"),
                form.containsKey("allowSelfSignup"), text(form, "description"), text(form, "externalId"), fcc, null, null,
                integer(form, "trialCycles", "trialCycles"), cycle, adding ? List.of(currency) : null, prices, null, null, null);
    }
}
