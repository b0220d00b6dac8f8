package io.portico.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.NoSuchMessageException;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;

/**
 * The state of the one form of an MDU page that was sent and refused: which form, what was typed
 * (never passwords or keys) and the message to show on it in the page's language. Pages without
 * a refused form get {@link #NONE}.
 */
public record MduForm(String id, Map<String, String> values, @Nullable String error) {

    public static final MduForm NONE = new MduForm("", Map.of(), null);

    /** Fields never sent back into a page. */
    private static final java.util.Set<String> SECRET = java.util.Set.of("password", "psk", FormGuard.FIELD);

    public MduForm {
        values = Map.copyOf(values);
    }

    static MduForm refused(String id, Map<String, String> sent, PorticoException e, PageText text) {
        Map<String, String> kept = new HashMap<>(sent);
        kept.keySet().removeAll(SECRET);
        return new MduForm(id, kept, message(id, e, text));
    }

    /** True when this page shows the refused form {@code formId}. */
    public boolean is(String formId) {
        return id.equals(formId);
    }

    /** What was typed into {@code name} of {@code formId}, or {@code fallback}. */
    public String value(String formId, String name, String fallback) {
        return is(formId) ? values.getOrDefault(name, fallback) : fallback;
    }

    /** A checkbox's state: as sent when this is the refused form, otherwise {@code fallback}. */
    public boolean checked(String formId, String name, boolean fallback) {
        return is(formId) ? values.containsKey(name) : fallback;
    }

    /**
     * The message for a refused change in the page's language: the field's name and the reason; for
     * a clash, what the form {@code formId} can clash with ({@code mdu.conflict.<form>}: the modules
     * word their conflicts in English only); the dashboard's own refusals by their key.
     */
    static String message(String formId, PorticoException e, PageText text) {
        if (e instanceof DashboardRefusal refusal) {
            // The dashboard's own wording of a clash or a refused choice names what it is about already.
            return e.problem() == Problem.NOT_FOUND ? text.t("mdu.error.other", refusal.message(text)) : refusal.message(text);
        }
        String template = e.template() == null ? "" : e.template();
        String detail = PorticoException.render(template, field -> label(text, field));
        if (e.problem() == Problem.INVALID_INPUT && e.field().isPresent()) {
            return text.t("mdu.error.field", label(text, e.field().get()), detail);
        }
        if (e.problem() == Problem.CONFLICT) {
            try {
                return text.t("mdu.conflict." + formId.replaceFirst("-\\d+$", ""));
            } catch (NoSuchMessageException unknown) {
                return text.t("mdu.error.conflict", detail);
            }
        }
        return text.t("mdu.error.other", detail);
    }

    private static String label(PageText text, String field) {
        String name = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        try {
            return text.t("mdu.field." + name);
        } catch (NoSuchMessageException missing) {
            return name;
        }
    }
}
