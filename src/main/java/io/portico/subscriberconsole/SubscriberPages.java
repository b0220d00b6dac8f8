package io.portico.subscriberconsole;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import com.github.benmanes.caffeine.cache.LoadingCache;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Caches;
import io.portico.platform.web.AssetVersions;
import io.portico.platform.web.PageLocales;
import io.portico.platform.web.PageText;
import io.portico.platform.web.ThemeStyles;
import io.portico.subscription.SubscriberPrincipal;

/**
 * Builds what every subscriber console page shares: the operator's look (cached briefly), the
 * language of the request (the switcher's {@code lang}, remembered in a cookie, then
 * Accept-Language, then the operator's first locale), the texts from {@code i18n/subscriber*},
 * the navigation and the session's form token. Controllers call {@link #frame} and render their
 * template with {@code page} in the model.
 */
@Component
class SubscriberPages {

    static final String STATIC_PATH = "/subscriber/static/";

    private final OperatorSettingsService settings;
    private final MessageSource messages;
    private final ResidentSessions sessions;
    private final String stylesheet;
    private final LoadingCache<Long, SubscriberLook> looks;

    SubscriberPages(OperatorSettingsService settings, @Qualifier("subscriberMessages") MessageSource messages,
                    ResidentSessions sessions) {
        this.settings = settings;
        this.messages = messages;
        this.sessions = sessions;
        this.stylesheet = AssetVersions.versioned(STATIC_PATH, "static/subscriber/", "subscriber.css");
        this.looks = Caches.builder().maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build(this::load);
    }

    /** The operator's look; {@link SubscriberLook#PORTICO} for 0 (no operator known yet). */
    SubscriberLook look(long operatorId) {
        return operatorId <= 0 ? SubscriberLook.PORTICO : looks.get(operatorId);
    }

    /** The language of this request among the look's locales; remembers the switcher's choice. */
    String language(SubscriberLook look, HttpServletRequest request, HttpServletResponse response) {
        String explicit = request.getParameter("lang");
        if (explicit != null && look.locales().containsKey(explicit)) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(ResidentSessions.LANGUAGE_COOKIE, explicit)
                    .path(ResidentSessions.PATH).sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365))
                    .build().toString());
        } else {
            explicit = io.portico.platform.web.SessionCookies.read(request, ResidentSessions.LANGUAGE_COOKIE);
        }
        return PageLocales.choose(look.locales(), explicit, request.getHeader("Accept-Language"));
    }

    PageText text(String lang) {
        return new PageText(messages, PageLocales.javaLocale(lang));
    }

    /**
     * Puts the page frame in the model as {@code page} (signed in when {@code principal} is given:
     * the operator's look, the navigation with {@code navId} current, the sign-out form) and returns it.
     */
    SubscriberPage frame(Model model, HttpServletRequest request, HttpServletResponse response,
                         @Nullable SubscriberPrincipal principal, long operatorId, String titleKey, @Nullable String navId) {
        SubscriberLook look = look(principal != null ? principal.operatorId() : operatorId);
        String lang = language(look, request, response);
        PageText text = text(lang);
        List<SubscriberPage.LanguageLink> languages = new ArrayList<>();
        String self = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        look.locales().forEach((code, name) -> languages.add(new SubscriberPage.LanguageLink(code, name,
                UriComponentsBuilder.fromUriString(self).replaceQueryParam("lang", code).build().toUriString(),
                code.equals(lang))));
        List<SubscriberPage.NavLink> navigation = new ArrayList<>();
        if (principal != null) {
            for (String id : List.of("wifi", "devices", "plan", "billing")) {
                navigation.add(new SubscriberPage.NavLink(id, text.t("nav." + id), ResidentSessions.PATH + "/" + id, id.equals(navId)));
            }
        }
        SubscriberPage page = new SubscriberPage(lang, text, text.t(titleKey), look.brand(), look.logoUrl(), stylesheet,
                look.hasTheme() ? ResidentSessions.PATH + "/theme/" + look.operatorId() + ".css?v=" + look.themeHash() : null,
                languages, navigation, principal == null ? null : principal.email(), sessions.formToken(request, response));
        model.addAttribute("page", page);
        return page;
    }

    /** Fills the model of the notice page (errors, confirmations) and returns its view name. */
    String notice(Model model, HttpServletRequest request, HttpServletResponse response, @Nullable SubscriberPrincipal principal,
                  String headingKey, String message) {
        frame(model, request, response, principal, 0, headingKey, null);
        model.addAttribute("message", message);
        return "subscriber/notice";
    }

    private SubscriberLook load(long operatorId) {
        Map<String, String> locales = settings.section(operatorId, Section.LOCALES).supported();
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Map<String, Object> display = settings.section(operatorId, Section.DISPLAY).configuration();
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        return SubscriberLook.of(operatorId, profile.networkOperatorName(), locales, ThemeStyles.safeLogo(profile.logoUrl()),
                ThemeStyles.css(display, email.brandColor()));
    }
}
