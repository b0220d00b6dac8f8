package io.portico.dashboard;

import java.util.List;
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

    protected SetupPages(DashboardPages pages, DashboardSessions sessions, TenantService tenants) {
        super(pages);
        this.sessions = sessions;
        this.tenants = tenants;
    }

    protected DashboardPage frame(HttpServletRequest request, Actor actor, String titleKey, Object... args) {
        return pages.page(request, actor, DashboardSection.SETUP, titleKey, args);
    }

    /** The operator's clients and the chosen one (the first when none is asked for; empty when there are none). */
    protected Optional<Client> chosen(List<Client> clients, @Nullable Long client) {
        return VoucherController.select(clients, client);
    }

    /**
     * The message a refused form shows: a field's own message ({@code setup.invalid.<field>}), the
     * form's "already exists" message for a conflict, else the service's message. Rethrows what
     * is not about the form's input.
     */
    protected static String problem(PageText text, PorticoException e, String conflictKey) {
        if (e.problem() == Problem.CONFLICT) {
            return text.t(conflictKey);
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
