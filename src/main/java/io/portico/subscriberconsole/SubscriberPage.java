package io.portico.subscriberconsole;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.portico.platform.web.PageText;

/**
 * What the layout of every subscriber console page needs: the language and its texts, the
 * operator's name and logo, the stylesheets (Portico's and the operator's theme), the language
 * switcher, the navigation (signed in only) and the form token every form carries ({@code _csrf}).
 */
public record SubscriberPage(String lang, PageText text, String title, String brand, @Nullable String logoUrl,
                             String stylesheet, @Nullable String themeStylesheet, List<LanguageLink> languages,
                             List<NavLink> navigation, @Nullable String signedInAs, String formToken) {

    /** One entry of the language switcher. */
    public record LanguageLink(String code, String name, String href, boolean current) {
    }

    /** One entry of the navigation; {@code current} marks the page shown. */
    public record NavLink(String id, String label, String href, boolean current) {
    }

    public boolean signedIn() {
        return signedInAs != null;
    }
}
