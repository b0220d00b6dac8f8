package io.portico.dashboard;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.PageText;

/**
 * What the settings controllers share: the settings navigation (only the pages the roles allow),
 * the page frame, and a refused change shown on its form in the page's language (a message per
 * field from the bundle, else the service's own words) with the form as it was sent.
 */
abstract class SettingsForms extends DashboardErrorPages {

    protected final DashboardSessions sessions;

    protected SettingsForms(DashboardPages pages, DashboardSessions sessions) {
        super(pages);
        this.sessions = sessions;
    }

    protected SettingsViews.Frame frame(Actor actor, HttpServletRequest request, @Nullable SettingsPage current,
                                        @Nullable String noticeKey, @Nullable String error) {
        PageText text = pages.text(request);
        List<SettingsViews.Tab> tabs = new ArrayList<>();
        for (SettingsPage p : SettingsPage.values()) {
            if (p.visibleTo(actor)) {
                tabs.add(new SettingsViews.Tab(p.key(), text.t("settings." + p.key() + ".title"), p.path(), p == current));
            }
        }
        String notice = noticeKey == null ? request.getParameter("saved") != null ? text.t("settings.saved") : null : text.t(noticeKey);
        return new SettingsViews.Frame(tabs, notice, error);
    }

    protected DashboardPage page(HttpServletRequest request, Actor actor, SettingsPage current, List<String> scripts) {
        return pages.page(request, actor, DashboardSection.SETTINGS, "settings." + current.key() + ".title",
                List.of(pages.asset("settings.css")), scripts);
    }

    /** Checks the form token and the page's permission before anything else is read from the form. */
    protected void checkForm(Actor actor, SettingsPage page, HttpServletRequest request, @Nullable String csrf) {
        sessions.checkForm(request, csrf);
        page.require(actor);
    }

    /**
     * The message of a refused change for its form, with the response's status set; other
     * problems (forbidden, not found, failures) go on to the error page.
     */
    protected String refusal(PorticoException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT) {
            throw e;
        }
        response.setStatus(e.problem().status());
        String fallback = DashboardRefusal.messageOf(e, pages.text(request));
        return e.field().map(field -> pages.textOr(request, "settings.invalid." + field, fallback)).orElse(fallback);
    }

    /**
     * Like {@link #refusal(PorticoException, HttpServletRequest, HttpServletResponse)}, with a clash worded by
     * {@code conflictKey} naming what clashed ({@code args}: the values the form sent).
     */
    protected String refusal(PorticoException e, HttpServletRequest request, HttpServletResponse response, String conflictKey,
                             Object... args) {
        if (e.problem() == Problem.CONFLICT && !(e instanceof DashboardRefusal)) {
            response.setStatus(e.problem().status());
            return pages.text(request).t(conflictKey, args);
        }
        return refusal(e, request, response);
    }

    /** A refused value the form itself names (a parse error before any service is called). */
    protected String refusal(String key, HttpServletRequest request, HttpServletResponse response, Object... args) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return pages.text(request).t(key, args);
    }

    static String lines(List<String> values) {
        return String.join("\n", values);
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
