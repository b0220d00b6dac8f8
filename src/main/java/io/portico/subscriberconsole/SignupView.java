package io.portico.subscriberconsole;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sign-up page of a venue: the venue, the plans on offer (each with how it can be taken today),
 * the terms and conditions (sanitised HTML) and what the resident typed so far (never the password).
 */
public record SignupView(String action, String venueName, boolean codeRequired, List<Plan> plans, @Nullable String termsHtml,
                         Map<String, String> values, @Nullable String error) {

    /** A plan choice: {@code note} says "Free", "Free trial: ..." or that card payment is not available yet. */
    public record Plan(String key, String name, String speeds, String note, @Nullable String description, boolean checked) {
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }
}
