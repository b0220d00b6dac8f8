package io.portico.dashboard;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import io.portico.connection.ConnectionInsights;
import io.portico.guest.Guest;
import io.portico.guest.GuestDirectory;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestService;
import io.portico.platform.Actor;
import io.portico.payment.GuestRefunds;
import io.portico.payment.PaymentService;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.tenant.Client;

/**
 * Guests: search by email, MAC or name (keyset-paged), a guest's profile with its connections and
 * purchases, unsubscribe, erase on a privacy request (after a confirmation page), and the CSV
 * export (streamed) that the CSV import accepts back unchanged.
 */
@Controller
@Hidden
class GuestsController extends DashboardErrorPages {

    static final int PAGE_SIZE = 25;

    private final GuestDirectory directory;
    private final GuestService guests;
    private final GuestPlanService plans;
    private final ConnectionInsights connections;
    private final DashboardScopes scopes;
    private final DashboardChoices choices;
    private final DashboardSessions sessions;
    private final PaymentService payments;
    private final GuestRefunds refunds;

    GuestsController(DashboardPages pages, GuestDirectory directory, GuestService guests, GuestPlanService plans,
                     ConnectionInsights connections, DashboardScopes scopes, DashboardChoices choices, DashboardSessions sessions,
                     PaymentService payments, GuestRefunds refunds) {
        super(pages);
        this.choices = choices;
        this.payments = payments;
        this.refunds = refunds;
        this.directory = directory;
        this.guests = guests;
        this.plans = plans;
        this.connections = connections;
        this.scopes = scopes;
        this.sessions = sessions;
    }

    @GetMapping("/dashboard/guests")
    String search(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Long client,
                  @RequestParam(required = false) @Nullable String clientName, @RequestParam(required = false) @Nullable Long before,
                  HttpServletRequest request, Model model) {
        actor.require(DashboardSection.GUESTS.permission());
        client = choices.client(actor, client, clientName).map(Client::id).orElse(null);
        List<Guest> found = directory.search(actor, Optional.ofNullable(client), q, Optional.ofNullable(before), PAGE_SIZE);
        boolean more = found.size() > PAGE_SIZE;
        List<Guest> shown = more ? found.subList(0, PAGE_SIZE) : found;
        String next = more ? UriComponentsBuilder.fromPath("/dashboard/guests").queryParam("q", q)
                .queryParamIfPresent("client", Optional.ofNullable(client)).queryParam("before", shown.getLast().id())
                .encode().build().toUriString() : null;
        model.addAttribute("page", pages.page(request, actor, DashboardSection.GUESTS, "nav.guests"));
        model.addAttribute("text", pages.text(request));
        model.addAttribute("q", q);
        model.addAttribute("clients", choices.clients(actor, "guest-client", client, clientName));
        Map<Long, Client> clientNames = new java.util.HashMap<>();
        for (Guest g : shown) {
            if (!clientNames.containsKey(g.clientId())) {
                choices.client(actor, g.clientId(), null).ifPresent(c -> clientNames.put(c.id(), c));
            }
        }
        model.addAttribute("clientNames", clientNames);
        model.addAttribute("client", client);
        model.addAttribute("guests", shown);
        model.addAttribute("nextUrl", next);
        model.addAttribute("canManage", actor.can(Permission.MANAGE_GUESTS));
        String imported = request.getParameter("imported");
        model.addAttribute("imported", imported != null && imported.matches("\\d{1,9},\\d{1,9},\\d{1,9}") ? imported : null);
        String erased = request.getParameter("erased");
        model.addAttribute("erased", erased != null && erased.matches("\\d{1,19}") ? erased : null);
        return "dashboard/guests";
    }

    @GetMapping("/dashboard/guests/{id}")
    String profile(Actor actor, @PathVariable long id, HttpServletRequest request, Model model) {
        Guest guest = directory.get(actor, id);
        var zone = scopes.zone(actor, Optional.empty());
        var purchases = plans.listPurchases(actor, guest.clientId(), id);
        // The plans of this guest's purchases only, not every plan of the client.
        Map<Long, GuestPlan> planNames = new java.util.HashMap<>();
        purchases.forEach(p -> planNames.computeIfAbsent(p.guestPlanId(), plan -> plans.guestPlan(actor, guest.clientId(), plan)));
        model.addAttribute("page", pages.page(request, actor, DashboardSection.GUESTS, "guest.title", guest.macAddress().value()));
        model.addAttribute("text", pages.text(request));
        model.addAttribute("guest", guest);
        model.addAttribute("client", choices.client(actor, guest.clientId(), null).orElseThrow());
        model.addAttribute("sessions", connections.guestSessions(actor, id, 50));
        model.addAttribute("purchases", purchases);
        model.addAttribute("planNames", planNames);
        model.addAttribute("formats", new DashboardFormats(zone, pages.text(request).locale()));
        model.addAttribute("canManage", actor.can(Permission.MANAGE_GUESTS));
        var paymentStatus = payments.status(actor.operatorId());
        model.addAttribute("paymentStatus", paymentStatus);
        model.addAttribute("canRefund", actor.can(Permission.MANAGE_GUESTS) && paymentStatus.refundsAllowed());
        return "dashboard/guest";
    }

    /** Refunds a card or PayPal purchase (Stripe_allowrefund); the payment module ends the access and audits it. */
    @PostMapping("/dashboard/guests/{id}/purchases/{purchaseId}/refund")
    String refund(Actor actor, @PathVariable long id, @PathVariable long purchaseId,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        Guest guest = directory.get(actor, id);
        refunds.refund(actor, guest.clientId(), purchaseId);
        return "redirect:/dashboard/guests/" + id;
    }

    @PostMapping("/dashboard/guests/{id}/unsubscribe")
    String unsubscribe(Actor actor, @PathVariable long id, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                       HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        Guest guest = directory.get(actor, id);
        guests.setUnsubscribed(actor, guest.clientId(), id, true);
        return "redirect:/dashboard/guests/" + id;
    }

    @GetMapping("/dashboard/guests/{id}/erase")
    String confirmErase(Actor actor, @PathVariable long id, HttpServletRequest request, Model model) {
        actor.require(Permission.MANAGE_GUESTS);
        Guest guest = directory.get(actor, id);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.GUESTS, "erase.title"));
        model.addAttribute("text", pages.text(request));
        model.addAttribute("guest", guest);
        return "dashboard/guest-erase";
    }

    @PostMapping("/dashboard/guests/{id}/erase")
    String erase(Actor actor, @PathVariable long id, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                 @RequestParam(defaultValue = "") String confirm, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        Guest guest = directory.get(actor, id);
        if (!confirm.strip().equalsIgnoreCase(guest.macAddress().value())) {
            throw PorticoException.invalid(pages.text(request).t("erase.mismatch"));
        }
        guests.erase(actor, guest.clientId(), id);
        return "redirect:/dashboard/guests?erased=" + id;
    }

    @GetMapping("/dashboard/guests/export.csv")
    void export(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(required = false) @Nullable String clientName,
                HttpServletResponse response) throws IOException {
        client = required(actor, client, clientName);
        guests.authorizeExport(actor, client);
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"portico-guests-" + client + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        directory.exportCsv(actor, client, out);
    }

    @PostMapping("/dashboard/guests/import")
    String importCsv(Actor actor, @RequestParam(required = false) @Nullable Long client,
                     @RequestParam(required = false) @Nullable String clientName, @RequestParam("file") MultipartFile file,
                     @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request)
            throws IOException {
        sessions.checkForm(request, csrf);
        client = required(actor, client, clientName);
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            var result = directory.importCsv(actor, client, in);
            return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/guests").queryParam("client", client)
                    .queryParam("imported", result.added() + "," + result.updated() + "," + result.unchanged()).build().toUriString();
        }
    }

    /** The client a CSV form chose (from the menu or by name); a form that names none is refused. */
    private long required(Actor actor, @Nullable Long client, @Nullable String clientName) {
        return choices.client(actor, client, clientName).map(Client::id)
                .orElseThrow(() -> DashboardRefusal.invalid("choice.typeName"));
    }
}
