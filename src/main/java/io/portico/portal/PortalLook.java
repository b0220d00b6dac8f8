package io.portico.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.portico.platform.web.AssetVersions;
import io.portico.platform.web.ThemeStyles;

/**
 * An operator's look on the portal: its supported locales, logo and theme, the theme turned into
 * a stylesheet of custom properties by {@link ThemeStyles} (colour values only, so display
 * settings can never inject CSS).
 */
record PortalLook(Map<String, String> locales, @Nullable String logoUrl, String themeCss, String themeHash) {

    static final PortalLook DEFAULT = of(defaultLocales(), null, Map.of(), "");

    static PortalLook of(Map<String, String> locales, @Nullable String logoUrl, Map<String, Object> display,
                         String brandColour) {
        String css = ThemeStyles.css(display, brandColour);
        return new PortalLook(locales.isEmpty() ? defaultLocales() : locales, ThemeStyles.safeLogo(logoUrl), css,
                AssetVersions.hash(css.getBytes(StandardCharsets.UTF_8)));
    }

    boolean hasTheme() {
        return !themeCss.isEmpty();
    }

    private static Map<String, String> defaultLocales() {
        Map<String, String> locales = new LinkedHashMap<>();
        locales.put("en-us", "English (US)");
        locales.put("es-xl", "Español (Latinoamérica)");
        return locales;
    }
}
