package io.portico.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The page texts of one request's language from one surface's bundle, for templates:
 * {@code text.t("signin.title")}. Built by the portal, subscriber console and dashboard page facades.
 */
public final class PageText {

    private final MessageSource messages;
    private final Locale locale;

    public PageText(MessageSource messages, Locale locale) {
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
