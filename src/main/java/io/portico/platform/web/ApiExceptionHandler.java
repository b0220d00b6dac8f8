package io.portico.platform.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.portico.platform.Problem;

/**
 * The one place MVC exceptions become error responses, in the format of the API the request
 * belongs to. A failure that is not the caller's fault is logged with an incident id and
 * answered 500 with that id only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorFormats formats;

    ApiExceptionHandler(ErrorFormats formats) {
        this.formats = formats;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handle(Exception ex, HttpServletRequest request) {
        ApiError error = ExceptionClassifier.classify(ex);
        if (error == null) {
            error = incident(ex, request);
        }
        return respond(error, request);
    }

    ResponseEntity<Object> respond(ApiError error, HttpServletRequest request) {
        var builder = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        Duration retry = error.retryAfter();
        if (retry != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retry.toSeconds())));
        }
        return builder.body(formats.body(error, request, request.getRequestURI()));
    }

    static ApiError incident(Throwable ex, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), ex);
        return new ApiError(Problem.INTERNAL, "Internal error; incident " + incident + " has been logged.");
    }
}
