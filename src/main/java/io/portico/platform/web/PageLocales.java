package io.portico.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Chooses a page's language among the operator's {@code SupportedLocales} codes ({@code en-us},
 * {@code es-xl}, ...): the switcher's explicit choice first, then the browser's Accept-Language
 * (exact tag, then same language), then the operator's first locale. Shared by the captive
 * portal, the subscriber console and the dashboard.
 */
public final class PageLocales {

    private PageLocales() {
    }

    public static String choose(Map<String, String> supported, @Nullable String explicit, @Nullable String acceptLanguage) {
        if (supported.isEmpty()) {
            return "en-us";
        }
        if (explicit != null && supported.containsKey(explicit.toLowerCase(Locale.ROOT))) {
            return explicit.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            List<Locale.LanguageRange> ranges;
            try {
                ranges = Locale.LanguageRange.parse(acceptLanguage);
            } catch (IllegalArgumentException e) {
                ranges = List.of();
            }
            for (Locale.LanguageRange range : ranges) {
                String wanted = range.getRange().toLowerCase(Locale.ROOT);
                if (supported.containsKey(wanted)) {
                    return wanted;
                }
                String language = wanted.split("-", 2)[0];
                for (String code : supported.keySet()) {
                    if (code.split("-", 2)[0].equals(language)) {
                        return code;
                    }
                }
            }
        }
        return supported.keySet().iterator().next();
    }

    /** The Java locale of a code: {@code es-xl} becomes {@code es-XL}, which finds {@code <surface>_es.properties}. */
    public static Locale javaLocale(String code) {
        return Locale.forLanguageTag(code);
    }
}
