package io.portico.subscriberconsole;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.portico.platform.PorticoException;
import io.portico.platform.web.PageText;
import io.portico.subscription.SubscriberPrincipal;

/**
 * The subscriber console controllers' failures as friendly pages in the resident's language, with
 * the HTTP status of the failure: an expired or foreign form, something unknown, too many
 * attempts, or an incident (logged with its id, nothing internal shown). Every controller of this
 * package extends it: handlers in a controller's own class hierarchy win over the platform's JSON
 * error advice.
 */
abstract class SubscriberErrorPages {

    private static final Logger log = LoggerFactory.getLogger(SubscriberErrorPages.class);

    protected final SubscriberPages pages;

    SubscriberErrorPages(SubscriberPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(PorticoException.class)
    String refused(PorticoException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.problem().status());
        e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        SubscriberPrincipal principal = request.getAttribute(ResidentSessions.PRINCIPAL) instanceof SubscriberPrincipal p ? p : null;
        PageText text = pages.text(pages.language(pages.look(principal == null ? 0 : principal.operatorId()), request, response));
        String message = switch (e.problem()) {
            case FORBIDDEN -> text.t("error.form");
            case NOT_FOUND -> text.t("error.notFound");
            case TOO_MANY_REQUESTS -> text.t("error.tooMany");
            case UNAUTHENTICATED -> text.t("error.signIn");
            default -> text.t("error.invalid");
        };
        return pages.notice(model, request, response, principal, "error.title", message);
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String incident = UUID.randomUUID().toString();
        log.error("Incident {} on subscriber console {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        PageText text = pages.text(pages.language(pages.look(0), request, response));
        return pages.notice(model, request, response, null, "error.title", text.t("error.internal", incident));
    }
}
