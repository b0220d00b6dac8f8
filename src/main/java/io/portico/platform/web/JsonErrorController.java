package io.portico.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.platform.Problem;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Answers the servlet container's error dispatch (failures outside MVC's handlers, e.g. in a
 * filter or before a route is chosen) in JSON, never the container's HTML page.
 */
@RestController
@Hidden
class JsonErrorController implements ErrorController {

    private final ErrorFormats formats;

    JsonErrorController(ErrorFormats formats) {
        this.formats = formats;
    }

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttr instanceof Integer i ? i : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();

        ApiError error = exception instanceof Throwable t ? ExceptionClassifier.classify(t) : null;
        if (error == null) {
            error = forStatus(status);
            if (error.problem() == Problem.INTERNAL && exception instanceof Throwable t) {
                error = ApiExceptionHandler.incident(t, request);
            }
        }
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON)
                .body(formats.body(error, request, path));
    }

    static ApiError forStatus(int status) {
        for (Problem p : Problem.values()) {
            if (p.status() == status) {
                return new ApiError(p, switch (p) {
                    case NOT_FOUND -> "No such route.";
                    case METHOD_NOT_ALLOWED -> "Method not allowed here.";
                    case PAYLOAD_TOO_LARGE -> "The request is too large.";
                    case INVALID_INPUT -> "The request is malformed.";
                    case UNAUTHENTICATED -> "Authentication is required.";
                    case FORBIDDEN -> "Forbidden.";
                    default -> "The request could not be served (HTTP " + status + ").";
                });
            }
        }
        return new ApiError(status >= 500 ? Problem.INTERNAL : Problem.INVALID_INPUT,
                "The request could not be served (HTTP " + status + ").");
    }
}
