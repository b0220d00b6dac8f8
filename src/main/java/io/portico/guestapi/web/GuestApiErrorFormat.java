package io.portico.guestapi.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.portico.platform.web.ApiError;
import io.portico.platform.web.ErrorFormat;

/**
 * The guest API's error body: {@code {"message": "...", "errors": {"<parameter>": ["..."]}}},
 * with {@code errors} present only when one parameter is at fault. The HTTP status carries the kind.
 * Domain field names become the API's parameter names ({@link GuestApiFieldNames}).
 */
@Component
class GuestApiErrorFormat implements ErrorFormat {

    static final String PREFIX = "/v2/";

    @Override
    public boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public Object body(ApiError error, HttpServletRequest request) {
        return render(error);
    }

    static Map<String, Object> render(ApiError domainError) {
        ApiError error = domainError.named(GuestApiFieldNames::wireName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.message());
        error.fieldName().ifPresent(field -> body.put("errors", Map.of(field, List.of(error.message()))));
        return body;
    }
}
