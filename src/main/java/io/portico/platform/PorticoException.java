package io.portico.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by services when a request cannot be served as asked. The message is written for the
 * caller (it ends up in the API's error body), so it never carries secrets or internals.
 * Modules speak in their own field names: {@code field} is the Java name ({@code endsAt}), and
 * the message names fields as {@code {endsAt}}. {@link #getMessage} reads them plainly (logs,
 * RADIUS replies); each API facade renders the {@link #template} with its wire names, so a
 * module never spells a wire format.
 */
public class PorticoException extends RuntimeException {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final Problem problem;
    private final @Nullable String field;
    private final @Nullable Duration retryAfter;

    public PorticoException(Problem problem, String message, @Nullable String field, @Nullable Duration retryAfter) {
        super(message, null, false, false);
        this.problem = problem;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public PorticoException(Problem problem, String message) {
        this(problem, message, null, null);
    }

    public static PorticoException invalid(String field, String message) {
        return new PorticoException(Problem.INVALID_INPUT, message, field, null);
    }

    public static PorticoException invalid(String message) {
        return new PorticoException(Problem.INVALID_INPUT, message);
    }

    public static PorticoException notFound(String message) {
        return new PorticoException(Problem.NOT_FOUND, message);
    }

    public static PorticoException forbidden(String message) {
        return new PorticoException(Problem.FORBIDDEN, message);
    }

    public static PorticoException conflict(String message) {
        return new PorticoException(Problem.CONFLICT, message);
    }

    public static PorticoException unauthenticated(String message) {
        return new PorticoException(Problem.UNAUTHENTICATED, message);
    }

    public static PorticoException tooManyRequests(String message, Duration retryAfter) {
        return new PorticoException(Problem.TOO_MANY_REQUESTS, message, null, retryAfter);
    }

    /** The message with every field as its plain domain name. */
    @Override
    public @Nullable String getMessage() {
        String template = template();
        return template == null ? null : render(template, name -> name);
    }

    /** The message as thrown, each field still a {@code {name}} for a facade to {@link #render}. */
    public @Nullable String template() {
        return super.getMessage();
    }

    public Problem problem() {
        return problem;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * How a message names a field: {@code {endsAt}}. Of a path such as {@code prices.USD} only the
     * first name is a field: {@code {prices}.USD}.
     */
    public static String ref(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? "{" + field + "}" : "{" + field.substring(0, dot) + "}" + field.substring(dot);
    }

    /**
     * The message with each {@code {field}} replaced by {@code names.apply(field)}; a field the
     * function answers null for stays as written.
     */
    public static String render(String message, Function<String, @Nullable String> names) {
        if (message.indexOf('{') < 0) {
            return message;
        }
        return FIELD.matcher(message).replaceAll(r -> {
            String name = names.apply(r.group(1));
            return Matcher.quoteReplacement(name == null ? r.group() : name);
        });
    }

    /** The domain field names a message refers to, in order (for the facades' mapping tests). */
    public static List<String> fieldsIn(String message) {
        return FIELD.matcher(message).results().map(r -> r.group(1)).toList();
    }
}
