package io.portico.portal;

import io.portico.platform.web.PageLocales;

import io.portico.platform.web.PageText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import com.github.benmanes.caffeine.cache.LoadingCache;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Caches;

/**
 * Builds what every portal page shares: the language chosen for the request, the texts, the
 * operator's look (cached briefly: a venue full of phones asks for the same look many times a
 * second) and the language switcher's links back to the same page.
 */
@Component
class PortalPages {

    private final OperatorSettingsService settings;
    private final MessageSource messages;
    private final PortalAssets assets;
    private final LoadingCache<Long, PortalLook> looks;

    PortalPages(OperatorSettingsService settings, @Qualifier("portalMessages") MessageSource messages, PortalAssets assets) {
        this.settings = settings;
        this.messages = messages;
        this.assets = assets;
        this.looks = Caches.builder().maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build(this::load);
    }

    PortalLook look(long operatorId) {
        return looks.get(operatorId);
    }

    /** The language of this request among the look's locales ({@code lang} parameter, then Accept-Language). */
    String language(PortalLook look, HttpServletRequest request) {
        return PageLocales.choose(look.locales(), request.getParameter("lang"), request.getHeader("Accept-Language"));
    }

    PageText text(String lang) {
        return new PageText(messages, PageLocales.javaLocale(lang));
    }

    /**
     * The page frame. {@code self} is this page's URL without {@code lang} (with the signed state
     * for pages a gateway POSTed to), so a switcher link shows the same page in another language.
     */
    PortalPage page(PortalLook look, String lang, String titleKey, String brand, @Nullable String themeUrl, String self) {
        PageText text = text(lang);
        List<PortalPage.LanguageLink> links = new ArrayList<>();
        look.locales().forEach((code, name) -> links.add(new PortalPage.LanguageLink(code, name,
                UriComponentsBuilder.fromUriString(self).replaceQueryParam("lang", code).build(true).toUriString(),
                code.equals(lang))));
        return new PortalPage(lang, text, text.t(titleKey), brand, look.logoUrl(), assets.stylesheet(),
                look.hasTheme() ? themeUrl + "?v=" + look.themeHash() : null, links);
    }

    /**
     * Fills the model of the notice page (errors, "signed out") and returns its view name. The
     * page is for a guest, so it names no internals.
     */
    String notice(Model model, PortalLook look, HttpServletRequest request, String brand, String headingKey,
                  String messageKey, Object... messageArgs) {
        String lang = language(look, request);
        PortalPage page = page(look, lang, headingKey, brand, null, request.getRequestURI());
        model.addAttribute("page", page);
        model.addAttribute("heading", page.title());
        model.addAttribute("message", page.text().t(messageKey, messageArgs));
        return "portal/notice";
    }

    /** Terms and conditions of the language, sanitized; empty when the operator has none. */
    Optional<String> terms(long operatorId, String lang) {
        return settings.termsAndConditions(operatorId, lang);
    }

    /** A saved look shows on the next page, not after the cache's 30 seconds (on this node). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AdministratorActed changed) {
        if (changed.functionName().startsWith("/operator/")) {
            looks.invalidate(changed.operatorId());
        }
    }

    private PortalLook load(long operatorId) {
        Map<String, String> locales = settings.section(operatorId, Section.LOCALES).supported();
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Map<String, Object> display = settings.section(operatorId, Section.DISPLAY).configuration();
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        return PortalLook.of(locales, profile.logoUrl(), display, email.brandColor());
    }
}
