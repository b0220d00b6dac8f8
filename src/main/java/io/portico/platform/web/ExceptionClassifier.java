package io.portico.platform.web;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns any exception a request can raise into an {@link ApiError} with a caller-facing message.
 * Unknown exceptions become a 500 whose message names only an incident id; bad input never does.
 */
public final class ExceptionClassifier {

    private ExceptionClassifier() {
    }

    /** Returns null for exceptions that are not the caller's fault (a server error). */
    public static @Nullable ApiError classify(Throwable ex) {
        if (ex instanceof PorticoException p) {
            return new ApiError(p.problem(), p.template(), p.field().orElse(null), p.retryAfter().orElse(null));
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? "" : " Use " + m.getSupportedHttpMethods().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(" or ")) + ".";
            return new ApiError(Problem.METHOD_NOT_ALLOWED, "Method " + m.getMethod() + " is not allowed here." + allowed);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException m) {
            return new ApiError(Problem.UNSUPPORTED_MEDIA_TYPE, "Content type "
                    + (m.getContentType() == null ? "(none)" : m.getContentType()) + " is not supported; send application/json.");
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return new ApiError(Problem.NOT_ACCEPTABLE, "This API answers application/json only.");
        }
        if (ex instanceof MissingServletRequestParameterException m) {
            return new ApiError(Problem.INVALID_INPUT, "Parameter '" + m.getParameterName() + "' is required.", m.getParameterName(), null);
        }
        if (ex instanceof MissingRequestHeaderException m) {
            return new ApiError(Problem.INVALID_INPUT, "Header '" + m.getHeaderName() + "' is required.");
        }
        if (ex instanceof MethodArgumentTypeMismatchException m) {
            String type = m.getRequiredType() == null ? "value" : describe(m.getRequiredType());
            return new ApiError(Problem.INVALID_INPUT, "Parameter '" + m.getName() + "' must be " + type + ".", m.getName(), null);
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return new ApiError(Problem.NOT_FOUND, "No such route.");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return new ApiError(Problem.PAYLOAD_TOO_LARGE, "The request body is too large.");
        }
        if (ex instanceof DuplicateKeyException) {
            // A race between two writes that both passed their checks; the database kept one.
            return new ApiError(Problem.CONFLICT, "The change conflicts with data written at the same time (a duplicate). Reload and try again.");
        }
        if (ex instanceof DataIntegrityViolationException d) {
            LoggerFactory.getLogger(ExceptionClassifier.class).warn("Constraint violation reached the API: {}", d.getMostSpecificCause().getMessage());
            return new ApiError(Problem.CONFLICT, "The change conflicts with existing data and was not applied.");
        }
        if (ex instanceof HttpMessageNotReadableException m) {
            return fromJson(m.getCause());
        }
        if (ex instanceof JacksonException j) {
            return fromJson(j);
        }
        return null;
    }

    /** Explains a JSON body problem: malformed syntax, an unknown field, or a value of the wrong type. */
    public static ApiError fromJson(@Nullable Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            // The path names a nested field in full (Radius.Colour); it ends with the unknown property.
            String name = path(u).isEmpty() ? u.getPropertyName() : path(u);
            return new ApiError(Problem.INVALID_INPUT, "Unknown field '" + name + "'.", name, null);
        }
        if (cause instanceof ValueInstantiationException v && v.getCause() instanceof PorticoException p) {
            return new ApiError(p.problem(), p.template(), p.field().orElse(null), null);
        }
        if (cause instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae
                && iae.getMessage() != null) {
            return new ApiError(Problem.INVALID_INPUT, iae.getMessage());
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JacksonException j = (JacksonException) cause;
            String path = path(j);
            if (path.isEmpty()) {
                return new ApiError(Problem.INVALID_INPUT, "The request body must be a JSON object.");
            }
            Class<?> target = cause instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            String expected = target == null ? "a value of another type" : describe(target);
            return new ApiError(Problem.INVALID_INPUT, "Field '" + path + "' must be " + expected + ".", path, null);
        }
        if (cause instanceof StreamReadException s) {
            var loc = s.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new ApiError(Problem.INVALID_INPUT, "The request body is not valid JSON" + where + ".");
        }
        return new ApiError(Problem.INVALID_INPUT, "The request body is missing or is not valid JSON.");
    }

    private static String path(JacksonException j) {
        return j.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
