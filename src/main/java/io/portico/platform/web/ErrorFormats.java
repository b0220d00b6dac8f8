package io.portico.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the error format for a request path and writes error responses from places that run
 * outside Spring MVC's exception handling (filters, the servlet container's error dispatch).
 */
@Component
public class ErrorFormats {

    private final List<ErrorFormat> formats;
    private final JsonMapper json;

    ErrorFormats(List<ErrorFormat> formats, JsonMapper json) {
        this.formats = formats;
        this.json = json;
    }

    public Object body(ApiError error, HttpServletRequest request, String path) {
        for (ErrorFormat format : formats) {
            if (format.handles(path)) {
                return format.body(error, request);
            }
        }
        return fallback(error.named(name -> name));
    }

    /** The neutral format for paths no API claims: the console's message/errorProcessing pair. */
    static Map<String, Object> fallback(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.message());
        body.put("errorProcessing", true);
        return body;
    }

    /** The error body as JSON text, for writers outside Spring MVC (Tomcat's error report). */
    public String json(ApiError error, HttpServletRequest request, String path) {
        return json.writeValueAsString(body(error, request, path));
    }

    /** Writes a complete error response; used by filters that must answer before MVC runs. */
    public void write(ApiError error, HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (error.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, error.retryAfter().toSeconds())));
        }
        json.writeValue(response.getOutputStream(), body(error, request, request.getRequestURI()));
    }
}
