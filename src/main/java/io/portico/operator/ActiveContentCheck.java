package io.portico.operator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import io.portico.platform.PorticoException;

/**
 * Decides whether operator-supplied HTML (terms and conditions, email templates) is plain
 * formatting. It runs the OWASP HTML sanitizer with a formatting-only policy and, instead of
 * storing the cleaned result, rejects the text when the sanitizer had to remove anything, naming
 * what it found: an operator must see that their text was refused, not get a silently altered copy.
 */
final class ActiveContentCheck {

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "data",
            "background", "poster", "xlink:href", "srcset", "lowsrc", "dynsrc", "codebase");

    private static final PolicyFactory FORMATTING = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "br", "hr", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                    "pre", "dl", "dt", "dd", "abbr", "mark", "section", "article", "header", "footer", "center")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}%?")).onElements("img", "table", "td", "th")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("td", "th")
            .allowAttributes("align").matching(true, "left", "right", "center", "justify").globally()
            .allowAttributes("title", "class", "id", "lang", "dir").globally()
            .allowStandardUrlProtocols()
            // Keep <a> and <img> when their URL is refused, so the report names the URL attribute, not the element.
            .allowWithoutAttributes("a", "img")
            .toFactory();

    private ActiveContentCheck() {
    }

    /** The text with everything but plain formatting removed, for pages that show operator HTML (the portal's T&C). */
    static String sanitize(String html) {
        return FORMATTING.sanitize(html);
    }

    /** The text as the sanitizer leaves it and what it had to remove (empty when the text is plain formatting). */
    static CheckedHtml check(String html) {
        Set<String> found = new LinkedHashSet<>();
        String clean = FORMATTING.sanitize(html, new HtmlChangeListener<Set<String>>() {
            @Override
            public void discardedTag(@Nullable Set<String> out, String elementName) {
                out.add("<" + elementName.toLowerCase(Locale.ROOT) + "> element");
            }

            @Override
            public void discardedAttributes(@Nullable Set<String> out, String tagName, String... attributeNames) {
                for (String attribute : attributeNames) {
                    out.add(describe(tagName.toLowerCase(Locale.ROOT), attribute.toLowerCase(Locale.ROOT)));
                }
            }
        }, found);
        return new CheckedHtml(clean, List.copyOf(found));
    }

    /** Returns the text unchanged when it is plain formatting; otherwise throws 400 naming what was found. */
    static String requireFormattingOnly(String field, String html) {
        List<String> found = check(html).removed();
        if (!found.isEmpty()) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " was not saved: it contains active or disallowed content ("
                    + String.join("; ", found) + "). Only formatting HTML is allowed: headings, paragraphs, lists, "
                    + "tables, emphasis, images and http, https or mailto links.");
        }
        return html;
    }

    private static String describe(String tag, String attribute) {
        if (attribute.startsWith("on")) {
            return "event-handler attribute " + attribute + " on <" + tag + ">";
        }
        if (URL_ATTRIBUTES.contains(attribute)) {
            return "a " + attribute + " URL on <" + tag + "> that is not http, https or mailto (such as javascript: or data:)";
        }
        if (attribute.equals("style")) {
            return "style attribute on <" + tag + ">";
        }
        return "attribute " + attribute + " on <" + tag + ">";
    }
}
