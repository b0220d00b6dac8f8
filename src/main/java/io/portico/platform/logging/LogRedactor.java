package io.portico.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in any text about to be logged: API tokens in query strings, access and
 * refresh tokens, passwords and secrets in JSON or form text, and Bearer/Basic headers.
 */
public final class LogRedactor {

    static final String MASK = "[REDACTED]";

    private static final Pattern SECRETS = Pattern.compile(
            "(?i)((?:api_token|guest_token|access_?token|refresh_?token|password|passwd|secret|radius_?secret|"
                    + "client_?secret|api_?key|signing_?secret|psk|token)\"?\\s*[=:]\\s*\"?)([^&\\s\",}\\]]+)"
                    + "|((?:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]+)");

    private LogRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SECRETS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String prefix = m.group(1) != null ? m.group(1) : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
