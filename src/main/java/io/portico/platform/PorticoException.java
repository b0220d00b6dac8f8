package io.portico.platform;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by services when a request cannot be served as asked. The message is written for the
 * caller (it ends up in the API's error body), so it never carries secrets or internals.
 */
public class PorticoException extends RuntimeException {

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

    public Problem problem() {
        return problem;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
