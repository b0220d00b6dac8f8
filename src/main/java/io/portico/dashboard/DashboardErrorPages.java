package io.portico.dashboard;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.portico.platform.Actor;
import io.portico.platform.Problem;
import io.portico.platform.PorticoException;

/**
 * Every dashboard controller's failures as a friendly page: a refused action (403, the role does
 * not allow it), something not found, bad input with the service's message, or an incident
 * (logged with its id, the page shows only the id). Handlers in the controllers' own class
 * hierarchy win over the platform's JSON error advice, as in the portal.
 */
abstract class DashboardErrorPages {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrorPages.class);

    protected final DashboardPages pages;

    protected DashboardErrorPages(DashboardPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(PorticoException.class)
    String refused(PorticoException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e.problem() == Problem.UNAUTHENTICATED) {
            return "redirect:" + DashboardWebConfiguration.SIGN_IN_PATH;
        }
        response.setStatus(e.problem().status());
        e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
        String heading = switch (e.problem()) {
            case FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            default -> "error.refused";
        };
        return error(request, model, heading, DashboardRefusal.messageOf(e, pages.text(request)));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            org.springframework.validation.BindException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return error(request, model, "error.refused", pages.text(request).t("error.badRequest"));
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String incident = UUID.randomUUID().toString();
        log.error("Incident {} on dashboard {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        return error(request, model, "error.internal", pages.text(request).t("error.incident", incident));
    }

    private String error(HttpServletRequest request, Model model, String heading, String message) {
        Object actor = request.getAttribute(DashboardSessions.ACTOR);
        model.addAttribute("page", actor instanceof Actor a ? pages.page(request, a, null, heading)
                : pages.anonymous(request, heading));
        model.addAttribute("message", message);
        return "dashboard/error";
    }
}
