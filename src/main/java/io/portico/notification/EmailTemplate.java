package io.portico.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * An operator's email template for one locale: subject, HTML and text with {@code {variable}}
 * placeholders ({@code {venuename}}, {@code {operatorname}}, ...). Unknown placeholders stay as
 * written, so a typo shows up in the email instead of silently vanishing.
 */
public record EmailTemplate(String subject, String html, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");

    public EmailTemplate {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an email template needs a subject");
        }
        html = html == null ? "" : html;
        text = text == null ? "" : text;
    }

    /** Fills the placeholders; values are HTML-escaped in the HTML part and subject-safe (one line). */
    public RenderedEmail render(Map<String, String> variables) {
        return new RenderedEmail(fill(subject, variables, false).replaceAll("[\\r\\n]+", " ").strip(),
                fill(html, variables, true), fill(text, variables, false));
    }

    static String fill(String template, Map<String, String> variables, boolean escapeHtml) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = variables.get(m.group(1));
            String replacement = value == null ? m.group() : escapeHtml ? HtmlUtils.htmlEscape(value) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A template filled in, ready to be wrapped in the operator's branding and queued. */
    public record RenderedEmail(String subject, String html, String text) {
    }
}
