package io.portico.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.platform.Actor;
import io.portico.platform.web.AssetVersions;
import io.portico.platform.web.PageLocales;
import io.portico.platform.web.PageText;
import io.portico.tenant.TenantService;

/**
 * Builds what every dashboard page shares ({@link DashboardPage}): the language (the {@code lang}
 * parameter, then the browser's Accept-Language, among the languages the dashboard is translated
 * into), the navigation the administrator may see, and the versioned URLs of the static files.
 */
@Component
public class DashboardPages {

    /** The languages the dashboard's bundles cover, in the operators' {@code SupportedLocales} codes. */
    static final Map<String, String> LANGUAGES;

    static {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en-us", "English");
        languages.put("es-xl", "Español");
        LANGUAGES = java.util.Collections.unmodifiableMap(languages);
    }

    private final MessageSource messages;
    private final TenantService tenants;
    private final DashboardSessions sessions;
    private final String stylesheet;
    private final String script;
    private final java.util.Map<String, String> assets = new java.util.concurrent.ConcurrentHashMap<>();

    DashboardPages(@Qualifier("dashboardMessages") MessageSource messages, TenantService tenants, DashboardSessions sessions) {
        this.messages = messages;
        this.tenants = tenants;
        this.sessions = sessions;
        this.stylesheet = AssetVersions.versioned(DashboardWebConfiguration.STATIC_PATH, "static/dashboard/", "dashboard.css");
        this.script = AssetVersions.versioned(DashboardWebConfiguration.STATIC_PATH, "static/dashboard/", "dashboard.js");
    }

    /** The versioned URL of a file in {@code static/dashboard/} (a page's own script). */
    public String asset(String name) {
        return assets.computeIfAbsent(name, n -> AssetVersions.versioned(DashboardWebConfiguration.STATIC_PATH, "static/dashboard/", n));
    }

    /** The language of this request ({@code en-us}, {@code es-xl}): the switcher's choice (remembered in a cookie), then Accept-Language. */
    public String language(HttpServletRequest request) {
        String explicit = request.getParameter("lang");
        if (explicit == null || !LANGUAGES.containsKey(explicit)) {
            explicit = io.portico.platform.web.SessionCookies.read(request, DashboardSessions.LANGUAGE_COOKIE);
        }
        return PageLocales.choose(LANGUAGES, explicit, request.getHeader("Accept-Language"));
    }

    public PageText text(HttpServletRequest request) {
        return new PageText(messages, PageLocales.javaLocale(language(request)));
    }

    /** A text of the request's language, or {@code fallback} when the bundle has no such key. */
    public String textOr(HttpServletRequest request, String key, String fallback) {
        return messages.getMessage(key, null, fallback, PageLocales.javaLocale(language(request)));
    }

    /** The frame of a page shown to a signed-in administrator. */
    public DashboardPage page(HttpServletRequest request, Actor actor, @Nullable DashboardSection current, String titleKey,
                              Object... titleArgs) {
        return page(request, actor, current, titleKey, List.of(), List.of(), titleArgs);
    }

    /** The frame of a page with its own stylesheets and scripts (static URLs), e.g. the charts of the overview. */
    public DashboardPage page(HttpServletRequest request, Actor actor, @Nullable DashboardSection current, String titleKey,
                              List<String> stylesheets, List<String> scripts, Object... titleArgs) {
        PageText text = text(request);
        List<DashboardPage.NavLink> navigation = new ArrayList<>();
        for (DashboardSection section : DashboardSection.values()) {
            if (section.visibleTo(actor)) {
                navigation.add(new DashboardPage.NavLink(section.key(), text.t("nav." + section.key()), section.path(),
                        section == current));
            }
        }
        String operator = tenants.findOperator(actor.operatorId()).map(o -> o.name()).orElse("");
        List<String> allStyles = new ArrayList<>(stylesheets);
        allStyles.add(stylesheet);
        List<String> allScripts = new ArrayList<>();
        allScripts.add(DashboardWebConfiguration.HTMX);
        allScripts.addAll(scripts);
        allScripts.add(script);
        return new DashboardPage(text.lang(), text, text.t(titleKey, titleArgs), operator, actor.label(), navigation,
                sessions.formToken(request), List.copyOf(allStyles), List.copyOf(allScripts), languages(request, text.lang()));
    }

    /** The frame of a page shown before sign-in (the sign-in form, an error without a session). */
    public DashboardPage anonymous(HttpServletRequest request, String titleKey) {
        PageText text = text(request);
        return new DashboardPage(text.lang(), text, text.t(titleKey), null, null, List.of(), null, List.of(stylesheet),
                List.of(), languages(request, text.lang()));
    }

    /** The first section the administrator may see: where {@code /dashboard} leads. */
    public static String home(Actor actor) {
        for (DashboardSection section : DashboardSection.values()) {
            if (section.visibleTo(actor)) {
                return section.path();
            }
        }
        return DashboardWebConfiguration.ACCOUNT_PATH;
    }

    private static List<DashboardPage.LanguageLink> languages(HttpServletRequest request, String current) {
        String self = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        List<DashboardPage.LanguageLink> links = new ArrayList<>();
        LANGUAGES.forEach((code, name) -> links.add(new DashboardPage.LanguageLink(code, name,
                UriComponentsBuilder.fromUriString(self).replaceQueryParam("lang", code).build(true).toUriString(),
                code.equals(current))));
        return links;
    }
}
