package io.portico.platform.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;

/**
 * One failure, ready to be written in an API's error format: the problem kind (and so the
 * HTTP status), a message for the caller, and the field or parameter at fault if known.
 */
public record ApiError(Problem problem, String message, @Nullable String field, @Nullable Duration retryAfter) {

    public ApiError {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an API error needs a message");
        }
    }

    public ApiError(Problem problem, String message) {
        this(problem, message, null, null);
    }

    public int status() {
        return problem.status();
    }

    public Optional<String> fieldName() {
        return Optional.ofNullable(field);
    }

    /**
     * This error in an API's words: the field and the {@code {field}}s in the message mapped by
     * {@code names}, which answers null for names it does not know (they stay as written).
     */
    public ApiError named(Function<String, @Nullable String> names) {
        String wireField = field == null ? null : names.apply(field);
        return new ApiError(problem, PorticoException.render(message, names), wireField == null ? field : wireField, retryAfter);
    }
}
