package io.portico.dashboard;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.NoSuchMessageException;

import io.portico.platform.Actor;
import io.portico.platform.Problem;
import io.portico.platform.PorticoException;
import io.portico.platform.web.PageText;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;

/**
 * What the guest set-up pages share: the section's frame, the client picker, the form check, and
 * turning a service's refusal of a form (bad input, a name already taken) into a message in the
 * page's language, so the form is shown again with what was typed. Any other refusal (403, 404)
 * goes to the error page.
 */
abstract class SetupPages extends DashboardErrorPages {

    static final int PAGE = 50;

    protected final DashboardSessions sessions;
    protected final TenantService tenants;
    protected final DashboardChoices choices;

    protected SetupPages(DashboardPages pages, DashboardSessions sessions, TenantService tenants, DashboardChoices choices) {
        super(pages);
        this.sessions = sessions;
        this.tenants = tenants;
        this.choices = choices;
    }

    protected DashboardPage frame(HttpServletRequest request, Actor actor, String titleKey, Object... args) {
        return pages.page(request, actor, DashboardSection.SETUP, titleKey, args);
    }

    /** The client menu of a set-up page and the client chosen in it. */
    protected record Scope(Choice menu, Optional<Client> client) {

        long clientId() {
            return client.map(Client::id).orElse(0L);
        }
    }

    /**
     * The client a page shows (asked for by id or typed name; else the first by name; empty when the
     * operator has none) and the page's bounded client menu.
     */
    protected Scope scope(Actor actor, @Nullable Long client, @Nullable String clientName) {
        Optional<Client> chosen = choices.clientOrFirst(actor, client, clientName);
        return new Scope(choices.clients(actor, "client", chosen.map(Client::id).orElse(null), clientName), chosen);
    }

    /**
     * The message a refused form shows: a field's own message ({@code setup.invalid.<field>}), the
     * form's "already exists" message for a conflict (naming the clashing values, {@code args}), else the service's message. Rethrows what
     * is not about the form's input.
     */
    protected static String problem(PageText text, PorticoException e, String conflictKey, Object... args) {
        if (e instanceof DashboardRefusal refusal && e.problem() != Problem.FORBIDDEN && e.problem() != Problem.NOT_FOUND) {
            return refusal.message(text);
        }
        if (e.problem() == Problem.CONFLICT) {
            return text.t(conflictKey, args);
        }
        if (e.problem() != Problem.INVALID_INPUT) {
            throw e;
        }
        if (e.field().isPresent()) {
            try {
                return text.t("setup.invalid." + e.field().get());
            } catch (NoSuchMessageException unknown) {
                // the service's own message below
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** The client's company, for messages that name it. */
    protected String company(Actor actor, long client) {
        return tenants.findClient(actor.operatorId(), client).map(Client::company).orElse("");
    }

    /** A whole number typed in a form, or null when left empty; a message in the page's language otherwise. */
    protected static @Nullable Long number(PageText text, String field, String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw PorticoException.invalid(text.t("setup.invalid.number", text.t("setup.field." + field)));
        }
    }
}
