package io.portico.portal;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The page texts of one request's language, for templates: {@code text.t("signin.title")}. */
public final class PortalText {

    private final MessageSource messages;
    private final Locale locale;

    PortalText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The language code of these texts ({@code en-us}, {@code es-xl}). */
    public String lang() {
        return locale.toLanguageTag().toLowerCase(Locale.ROOT);
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
