package io.portico.subscriberconsole;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.portico.platform.web.AssetVersions;

/**
 * An operator's look in the subscriber console: its name, supported locales, logo and theme
 * stylesheet ({@link io.portico.platform.web.ThemeStyles}). Pages before sign-in that know no
 * operator use {@link #PORTICO}.
 */
record SubscriberLook(long operatorId, String brand, Map<String, String> locales, @Nullable String logoUrl,
                      String themeCss, String themeHash) {

    static final SubscriberLook PORTICO = new SubscriberLook(0, "Portico", defaultLocales(), null, "", "");

    static SubscriberLook of(long operatorId, String brand, Map<String, String> locales, @Nullable String logoUrl,
                             String themeCss) {
        return new SubscriberLook(operatorId, brand.isBlank() ? "WiFi" : brand,
                locales.isEmpty() ? defaultLocales() : locales, logoUrl, themeCss,
                AssetVersions.hash(themeCss.getBytes(StandardCharsets.UTF_8)));
    }

    boolean hasTheme() {
        return !themeCss.isEmpty();
    }

    static Map<String, String> defaultLocales() {
        Map<String, String> locales = new LinkedHashMap<>();
        locales.put("en-us", "English (US)");
        locales.put("es-xl", "Español (Latinoamérica)");
        return locales;
    }
}
