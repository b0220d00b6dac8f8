package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.portico.platform.web.ApiError;
import io.portico.platform.web.ErrorFormat;

/**
 * The console's error body: {@code {"message": "<what is wrong>", "errorProcessing": true}}, with
 * the domain's field names in console words ({@link ConsoleFieldNames}).
 */
@Component
class ConsoleErrorFormat implements ErrorFormat {

    static final String PREFIX = "/preview/";

    @Override
    public boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public Object body(ApiError error, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.named(ConsoleFieldNames::wireName).message());
        body.put("errorProcessing", true);
        return body;
    }
}
