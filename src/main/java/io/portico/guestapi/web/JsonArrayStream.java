package io.portico.guestapi.web;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a JSON array item by item while a service hands items over, so a response of a million
 * rows never sits in memory. Parameters are validated before this starts: once the first byte is
 * out, the status is 200, and a failure can only cut the array short (invalid JSON, never a lie).
 */
@Component
class JsonArrayStream {

    private final JsonMapper mapper;

    JsonArrayStream(JsonMapper mapper) {
        this.mapper = mapper;
    }

    <T> ResponseEntity<StreamingResponseBody> of(Consumer<Consumer<T>> source, BiConsumer<JsonGenerator, T> writer) {
        StreamingResponseBody body = out -> {
            try (JsonGenerator json = mapper.createGenerator(out)) {
                json.writeStartArray();
                source.accept(item -> writer.accept(json, item));
                json.writeEndArray();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
