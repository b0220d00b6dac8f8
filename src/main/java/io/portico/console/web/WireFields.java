package io.portico.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of a console request object whose keys are not fixed (dotted price keys,
 * section updates): each read names the field when the type is wrong, and {@link #requireKnown}
 * makes any other key a 400 naming it, as the strict record binding does elsewhere.
 */
final class WireFields {

    private final ObjectNode node;
    private final String prefix;

    WireFields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static WireFields of(ObjectNode node) {
        return new WireFields(node, "");
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    void requireKnown(Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw PorticoException.invalid(prefix + name, "Unknown field '" + prefix + name + "'.");
            }
        }
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Nullable String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw wrong(name, "a string");
        }
        return v.asString();
    }

    @Nullable Long whole(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(name, "a whole number");
        }
        return v.asLong();
    }

    @Nullable Integer integer(String name) {
        Long v = whole(name);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            throw wrong(name, "a whole number in range");
        }
        return v == null ? null : v.intValue();
    }

    @Nullable Double decimal(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrong(name, "a number");
        }
        return v.asDouble();
    }

    @Nullable Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrong(name, "true or false");
        }
        return v.asBoolean();
    }

    @Nullable List<String> texts(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw wrong(name, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw wrong(name, "a list of strings");
            }
            out.add(item.asString());
        }
        return out;
    }

    @Nullable WireFields object(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            throw wrong(name, "an object");
        }
        return new WireFields(o, prefix + name + ".");
    }

    /** A string-to-string object such as SupportedLocales. */
    @Nullable Map<String, String> textMap(String name) {
        WireFields o = object(name);
        if (o == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : o.names()) {
            String value = o.text(key);
            out.put(key, value == null ? "" : value);
        }
        return out;
    }

    private PorticoException wrong(String name, String expected) {
        return PorticoException.invalid(prefix + name, "Field '" + prefix + name + "' must be " + expected + ".");
    }
}
