package io.portico.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.portico.platform.web.AssetVersions;

/**
 * An operator's look on the portal: its supported locales, logo and theme, the theme turned into
 * a stylesheet of custom properties. Only colour values reach the stylesheet ({@code #rgb} to
 * {@code #rrggbbaa}), so display settings can never inject CSS.
 */
record PortalLook(Map<String, String> locales, @Nullable String logoUrl, String themeCss, String themeHash) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}");
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("primary", "--brand"), Map.entry("brand", "--brand"), Map.entry("accent", "--brand"),
            Map.entry("onprimary", "--brand-text"), Map.entry("brandtext", "--brand-text"),
            Map.entry("background", "--background"), Map.entry("surface", "--surface"), Map.entry("card", "--surface"),
            Map.entry("text", "--text"), Map.entry("foreground", "--text"), Map.entry("muted", "--muted"),
            Map.entry("error", "--error"), Map.entry("border", "--border"));

    static final PortalLook DEFAULT = of(defaultLocales(), null, Map.of(), "");

    static PortalLook of(Map<String, String> locales, @Nullable String logoUrl, Map<String, Object> display,
                         String brandColour) {
        StringBuilder css = new StringBuilder();
        Map<String, String> light = properties(display.get("ThemeLight"));
        // The e-mail section's brand colour starts as #000000 for every operator: only a chosen one counts.
        if (!light.containsKey("--brand") && COLOUR.matcher(brandColour).matches() && !brandColour.equals("#000000")) {
            light.put("--brand", brandColour);
        }
        block(css, light, ":root");
        Map<String, String> dark = properties(display.get("ThemeDark"));
        if (!dark.isEmpty()) {
            css.append("@media (prefers-color-scheme: dark) {\n");
            block(css, dark, ":root");
            css.append("}\n");
        }
        String logo = logoUrl != null && logoUrl.startsWith("https://") ? logoUrl : null;
        return new PortalLook(locales.isEmpty() ? defaultLocales() : locales, logo, css.toString(), AssetVersions.hash(css.toString().getBytes(StandardCharsets.UTF_8)));
    }

    boolean hasTheme() {
        return !themeCss.isEmpty();
    }

    private static Map<String, String> properties(@Nullable Object theme) {
        Map<String, String> out = new LinkedHashMap<>();
        if (theme instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = String.valueOf(key).toLowerCase(Locale.ROOT).replace("color", "").replace("colour", "")
                        .replaceAll("[^a-z]", "");
                String property = PROPERTIES.get(name);
                if (property != null && value instanceof String colour && COLOUR.matcher(colour).matches()) {
                    out.put(property, colour);
                }
            });
        }
        return out;
    }

    private static void block(StringBuilder css, Map<String, String> properties, String selector) {
        if (properties.isEmpty()) {
            return;
        }
        css.append(selector).append(" {\n");
        properties.forEach((name, value) -> css.append("  ").append(name).append(": ").append(value).append(";\n"));
        css.append("}\n");
    }

    private static Map<String, String> defaultLocales() {
        Map<String, String> locales = new LinkedHashMap<>();
        locales.put("en-us", "English (US)");
        locales.put("es-xl", "Español (Latinoamérica)");
        return locales;
    }
}
