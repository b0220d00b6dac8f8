package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.platform.PorticoException;

/** Small helpers shared by the console's guest, plan and hotspot routes: required ids and the success envelope. */
final class GuestConsoleFields {

    /** A body naming only a client. */
    record ClientRef(@JsonProperty("ClientID") @Nullable Long clientId) {
        long required() {
            return GuestConsoleFields.required("ClientID", clientId);
        }
    }

    private GuestConsoleFields() {
    }

    static long required(String field, @Nullable Long value) {
        if (value == null) {
            throw PorticoException.invalid(field, field + " is required.");
        }
        return value;
    }

    /** The console's success body: {@code message}, the fields, then {@code errorProcessing: false}. */
    static Map<String, @Nullable Object> ok(String message, Map<String, @Nullable Object> fields) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.putAll(fields);
        body.put("errorProcessing", false);
        return body;
    }
}
