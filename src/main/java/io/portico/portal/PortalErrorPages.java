package io.portico.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;

/**
 * The portal controllers' failures as friendly pages in the guest's language: an unknown hotspot,
 * a refused hand-over, an altered, foreign or expired form, a module's refusal (in the portal's
 * own words, never the module's), or an incident (logged with its id).
 * Handlers in the controllers' own class hierarchy win over the platform's JSON error advice.
 */
abstract class PortalErrorPages {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorPages.class);

    private final PortalJourney pages;

    PortalErrorPages(PortalJourney pages) {
        this.pages = pages;
    }

    @ExceptionHandler(PortalJourney.UnknownHotspot.class)
    String unknownHotspot(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return pages.notice(model, null, request, "error.title", "error.unknownHotspot");
    }

    @ExceptionHandler(HandOverException.class)
    String badHandOver(HandOverException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("Refused a gateway hand-over on {}: {}", request.getRequestURI(), e.getMessage());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return pages.notice(model, null, request, "error.title", "error.badHandOver");
    }

    @ExceptionHandler({PortalStateCodec.StateRefused.class, PortalController.ForgedForm.class})
    String refusedForm(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean expired = e instanceof PortalStateCodec.StateRefused refused && refused.expired();
        response.setStatus(expired ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_FORBIDDEN);
        return pages.notice(model, null, request, "error.title", expired ? "error.expired" : "error.forbidden");
    }

    /**
     * A refusal of a module outside a sign-in form (the address's form allowance spent, an unknown
     * unsubscribe link): its status, with the portal's own words in the guest's language.
     */
    @ExceptionHandler(PorticoException.class)
    String refused(PorticoException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.problem().status());
        if (e.problem() == Problem.TOO_MANY_REQUESTS) {
            return pages.notice(model, null, request, "error.title", "error.tooMany", SignInProblems.waitSeconds(e));
        }
        return pages.notice(model, null, request, "error.title", e.problem() == Problem.NOT_FOUND ? "error.link" : "error.refused");
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Incident {} on portal {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        return pages.notice(model, null, request, "error.title", "error.internal");
    }

}
