package io.portico.dashboard;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;

/**
 * What the MDU pages (venues, units, equipment, subscribers, VLAN changes, service plans) share:
 * the form check, a change that the module refuses shown on the same form (400/409/404, the form
 * keeps what was typed), and reading numbers and local date-times of the venue's time zone.
 */
abstract class MduPages extends DashboardErrorPages {

    static final int PAGE = 25;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    protected final DashboardSessions sessions;

    protected MduPages(DashboardPages pages, DashboardSessions sessions) {
        super(pages);
        this.sessions = sessions;
    }

    /**
     * Checks the form token, then runs the change; when the module refuses it for its input (or a
     * conflict, or something the form named that does not exist), the page is shown again with the
     * message on the form instead. Permission refusals go to the 403 page.
     */
    protected String change(HttpServletRequest request, HttpServletResponse response, Map<String, String> form, String formId,
                            Supplier<String> action, Function<MduForm, String> showAgain) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        try {
            return action.get();
        } catch (PorticoException e) {
            if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT && e.problem() != Problem.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.problem().status());
            return showAgain.apply(MduForm.refused(formId, form, e, pages.text(request)));
        }
    }

    /**
     * Runs a module's change; a clash it reports (the modules word theirs in English) is worded by the
     * dashboard with {@code wording}, which names the clashing values in the page's language.
     */
    protected static <T> T clash(Supplier<T> change, Function<PorticoException, DashboardRefusal> wording) {
        try {
            return change.get();
        } catch (PorticoException e) {
            if (e.problem() == Problem.CONFLICT && !(e instanceof DashboardRefusal)) {
                throw wording.apply(e);
            }
            throw e;
        }
    }

    static @Nullable Long whole(Map<String, String> form, String name, String field) {
        String value = form.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be a whole number.");
        }
    }

    static @Nullable Integer integer(Map<String, String> form, String name, String field) {
        Long value = whole(form, name, field);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " is too large.");
        }
        return value == null ? null : value.intValue();
    }

    static String text(Map<String, String> form, String name) {
        return form.getOrDefault(name, "").strip();
    }

    /** A {@code datetime-local} value read in the venue's zone; null when empty. */
    static @Nullable Instant local(Map<String, String> form, String name, ZoneId zone, String field) {
        String value = text(form, name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be a date and time such as 2026-12-31T18:00.");
        }
    }

    /** The value of a {@code datetime-local} input for an instant in the venue's zone. */
    public static String localInput(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL_INPUT.format(at.atZone(zone));
    }
}
