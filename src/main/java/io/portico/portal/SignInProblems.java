package io.portico.portal;

import java.util.Map;

import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.PageText;

/**
 * Turns what the guest module refused on a sign-in into a sentence of the page's language: the
 * modules' messages are English and name fields in Java spelling, so the portal maps the problems
 * it knows (by problem kind and field) to its own texts, and any other to a general sentence,
 * never the module's words.
 */
final class SignInProblems {

    /** The guest profile's field names that differ from the portal form's. */
    private static final Map<String, String> FORM_FIELDS = Map.of("guestEmail", "email", "mobilePhone", "phone");

    private SignInProblems() {
    }

    /** The message for the sign-in page; {@code entered} is the form as the guest sent it. */
    static String message(PorticoException e, SignInMethod method, Map<String, String> entered, PageText text) {
        Problem problem = e.problem();
        String field = e.field().map(f -> FORM_FIELDS.getOrDefault(f, f)).orElse("");
        boolean blank = entered.getOrDefault(field, "").isBlank();
        if (problem == Problem.TOO_MANY_REQUESTS) {
            return text.t("error.tooMany", waitSeconds(e));
        }
        if (problem == Problem.UNAVAILABLE) {
            return text.t("error.unavailable");
        }
        if (method == SignInMethod.VOUCHER && (problem == Problem.NOT_FOUND || problem == Problem.CONFLICT
                || field.equals("voucherCode"))) {
            return text.t(field.equals("voucherCode") && blank ? "error.voucherMissing" : "error.voucher");
        }
        if (problem == Problem.INVALID_INPUT && PortalSettings.FIELDS.contains(field)) {
            if (blank) {
                return text.t("error.required", label(text, field));
            }
            return switch (field) {
                case "email" -> text.t("error.email");
                case "phone" -> text.t("error.phone");
                case "birthDate" -> text.t("error.birthDate");
                default -> text.t("error.fieldInvalid", label(text, field));
            };
        }
        if (problem == Problem.CONFLICT && e.field().isEmpty()) {
            return text.t("error.noAccess");
        }
        return text.t("error.signIn");
    }

    /** How long a rate-limited guest should wait, in whole seconds (at least one). */
    static long waitSeconds(PorticoException e) {
        return e.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(60L);
    }

    /** A form field's label as the sign-in page shows it. */
    static String label(PageText text, String field) {
        return field.startsWith("custom") ? text.t("field.custom", field.substring("custom".length()))
                : text.t("field." + field);
    }
}
