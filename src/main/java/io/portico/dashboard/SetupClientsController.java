package io.portico.dashboard;


import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.portico.identity.IdentityService;
import io.portico.identity.IssuedApiToken;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Guest set-up: the operator's clients and each client's guest API tokens. A token is issued by
 * {@link IdentityService#issueApiToken} and shown in clear on the answer to that form only
 * (Portico keeps its digest); afterwards the page lists its prefix, creation and last use, and
 * can revoke it. Adding clients and tokens needs MANAGE_CLIENTS, checked and audited by the services.
 */
@Controller
@Hidden
class SetupClientsController extends SetupPages {

    private static final String CLIENTS = "/dashboard/setup/clients";

    private final IdentityService identity;

    SetupClientsController(DashboardPages pages, DashboardSessions sessions, TenantService tenants, IdentityService identity, DashboardChoices choices) {
        super(pages, sessions, tenants, choices);
        this.identity = identity;
    }

    @GetMapping(CLIENTS)
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        return list(actor, page, SetupViews.ClientForm.EMPTY, null, request, model);
    }

    /** The name search of the list (a case-insensitive prefix of the company), as typed. */
    private static String query(HttpServletRequest request) {
        String q = request.getParameter("q");
        return q == null ? "" : q.strip();
    }

    @PostMapping(CLIENTS)
    String add(Actor actor, @RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String key,
               @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
               Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_CLIENTS);
        try {
            Client client = tenants.createClient(actor, company, key.strip());
            return "redirect:" + CLIENTS + "/" + client.id() + "?added";
        } catch (PorticoException e) {
            // The key is the one typed, or the one made from the company's name.
            String conflict = key.isBlank() ? "setup.conflict.clientCompany" : "setup.conflict.client";
            return list(actor, 0, new SetupViews.ClientForm(company, key), problem(pages.text(request), e, conflict,
                    key.isBlank() ? company.strip() : key.strip()), request, model);
        }
    }

    private String list(Actor actor, int page, SetupViews.ClientForm form, @Nullable String error, HttpServletRequest request,
                        Model model) {
        actor.require(DashboardSection.SETUP.permission());
        String q = query(request);
        model.addAttribute("page", frame(request, actor, "setup.clients.title"));
        model.addAttribute("view", new SetupViews.ClientsView(new SetupViews.Tabs("clients", null), q,
                SetupViews.Paged.of(tenants.clientPage(actor, q, page, PAGE), page).map(c -> new SetupViews.ClientRow(c.id(), c.company(), c.key(),
                        VoucherController.utcDateTime(c.createdAt()))), actor.can(Permission.MANAGE_CLIENTS), form, error));
        return "dashboard/setup-clients";
    }

    @GetMapping(CLIENTS + "/{clientId}")
    String show(Actor actor, @PathVariable long clientId, HttpServletRequest request, Model model) {
        PageText text = pages.text(request);
        String notice = request.getParameter("added") != null ? text.t("setup.client.added")
                : request.getParameter("revoked") != null ? text.t("setup.token.revoked") : null;
        return show(actor, clientId, null, "", null, notice, request, model);
    }

    @PostMapping(CLIENTS + "/{clientId}/tokens")
    String issue(Actor actor, @PathVariable long clientId, @RequestParam(defaultValue = "") String label,
                 @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                 Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_CLIENTS);
        try {
            IssuedApiToken issued = identity.issueApiToken(actor, clientId, label);
            // Answered on this page, not after a redirect: the clear token exists only in this response.
            return show(actor, clientId, new SetupViews.IssuedToken(issued.label(), issued.token()), "", null, null, request, model);
        } catch (PorticoException e) {
            return show(actor, clientId, null, label, problem(pages.text(request), e, "setup.conflict.token"), null, request, model);
        }
    }

    @PostMapping(CLIENTS + "/{clientId}/tokens/{tokenId}/revoke")
    String revoke(Actor actor, @PathVariable long clientId, @PathVariable long tokenId,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        identity.revokeApiToken(actor, clientId, tokenId);
        return "redirect:" + CLIENTS + "/" + clientId + "?revoked";
    }

    private String show(Actor actor, long clientId, SetupViews.@Nullable IssuedToken issued, String label, @Nullable String error,
                        @Nullable String notice, HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        Client client = tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> DashboardRefusal.notFound("error.unknown.client", clientId));
        // The client's tokens newest first, a page at a time (a client's integrations may have issued thousands).
        ListQuery listed = ListQuery.of(request, CLIENTS + "/" + clientId);
        SetupViews.Paged<SetupViews.TokenRow> tokens = SetupViews.Paged.of(identity.apiTokenPage(actor, clientId, listed.page(), PAGE),
                listed.page()).map(t -> new SetupViews.TokenRow(t.id(),
                t.label(), t.prefix(), VoucherController.utcDateTime(t.createdAt()), t.createdBy(),
                t.lastUsedAt() == null ? text.t("setup.token.neverUsed") : VoucherController.utcDateTime(t.lastUsedAt()),
                t.active()));
        model.addAttribute("page", frame(request, actor, "setup.client.title", client.company()));
        model.addAttribute("view", new SetupViews.ClientView(new SetupViews.Tabs("clients", clientId), clientId, client.company(),
                client.key(), tokens, listed.base(), actor.can(Permission.MANAGE_CLIENTS), issued, label, error, notice));
        return "dashboard/setup-client";
    }
}
