package io.portico.dashboard;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.PageText;

/**
 * A refusal the dashboard itself raises (something a link names that does not exist, a page key
 * it cannot read), carrying the message's key in the dashboard's bundles so the error page and the
 * forms show it in the page's language; {@link #getMessage} is the key, for logs.
 */
final class DashboardRefusal extends PorticoException {

    private final String key;
    private final Object[] args;

    private DashboardRefusal(Problem problem, String key, Object... args) {
        super(problem, key);
        this.key = key;
        this.args = args.clone();
    }

    // These forms hide PorticoException's (whose arguments are a field and a message, not a key), which a
    // call with one or two strings would otherwise reach.
    public static DashboardRefusal notFound(String key) {
        return new DashboardRefusal(Problem.NOT_FOUND, key);
    }

    public static DashboardRefusal conflict(String key) {
        return new DashboardRefusal(Problem.CONFLICT, key);
    }

    public static DashboardRefusal invalid(String key) {
        return new DashboardRefusal(Problem.INVALID_INPUT, key);
    }

    /** Hides {@code PorticoException.invalid(field, message)}: here the first is the key, the second its argument. */
    public static DashboardRefusal invalid(String key, String arg) {
        return new DashboardRefusal(Problem.INVALID_INPUT, key, arg);
    }

    static DashboardRefusal notFound(String key, Object... args) {
        return new DashboardRefusal(Problem.NOT_FOUND, key, args);
    }

    static DashboardRefusal conflict(String key, Object... args) {
        return new DashboardRefusal(Problem.CONFLICT, key, args);
    }

    static DashboardRefusal invalid(String key, Object... args) {
        return new DashboardRefusal(Problem.INVALID_INPUT, key, args);
    }

    /**
     * A module's refusal of the kind {@code problem} as the dashboard words it ({@code key}): the
     * modules word their refusals in English only. Other refusals are returned as they are.
     */
    static PorticoException rephrased(PorticoException e, Problem problem, String key, Object... args) {
        return e.problem() == problem && !(e instanceof DashboardRefusal) ? new DashboardRefusal(problem, key, args) : e;
    }

    /** The message in the page's language. */
    String message(PageText text) {
        return text.t(key, args);
    }

    /** The message for {@code e} in the page's language when the dashboard raised it, else the service's own. */
    static String messageOf(PorticoException e, PageText text) {
        return e instanceof DashboardRefusal refusal ? refusal.message(text) : String.valueOf(e.getMessage());
    }
}
