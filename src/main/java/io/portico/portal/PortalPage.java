package io.portico.portal;

import io.portico.platform.web.PageText;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the layout of every portal page needs: the language and its texts, the venue's name and
 * logo, the stylesheets (Portico's and the operator's theme) and the language switcher's links.
 */
public record PortalPage(String lang, PageText text, String title, String brand, @Nullable String logoUrl,
                         String stylesheet, @Nullable String themeStylesheet, List<LanguageLink> languages) {

    /** One entry of the language switcher. */
    public record LanguageLink(String code, String name, String href, boolean current) {
    }
}
