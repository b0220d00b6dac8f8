package io.portico.guestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.portico.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Compares a response with a golden file taken from the API document (typos fixed): the same
 * keys in the same nesting, and each value of the golden's type. A golden null allows a string
 * or null (the document shows optional text as null); a golden string demands a string.
 */
final class GoldenShape {

    private GoldenShape() {
    }

    static void assertMatches(String golden, JsonNode actual) {
        JsonNode expected;
        try (InputStream in = GoldenShape.class.getResourceAsStream("/golden/" + golden)) {
            expected = Http.json().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        compare("$", expected, actual);
    }

    private static void compare(String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as("%s is an object: %s", path, actual).isTrue();
            assertThat(names(actual)).as("keys of %s", path).containsExactlyElementsOf(names(expected));
            for (String name : names(expected)) {
                compare(path + "." + name, expected.get(name), actual.get(name));
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as("%s is an array: %s", path, actual).isTrue();
            assertThat(actual.size()).as("%s has elements to compare", path).isPositive();
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i));
            }
        } else if (expected.isNull()) {
            assertThat(actual.isNull() || actual.isString()).as("%s is a string or null: %s", path, actual).isTrue();
        } else if (expected.isString()) {
            assertThat(actual.isString()).as("%s is a string: %s", path, actual).isTrue();
        } else if (expected.isIntegralNumber()) {
            assertThat(actual.isIntegralNumber()).as("%s is a whole number: %s", path, actual).isTrue();
        } else if (expected.isBoolean()) {
            assertThat(actual.isBoolean()).as("%s is true or false: %s", path, actual).isTrue();
        } else {
            throw new IllegalStateException("golden value of unknown type at " + path);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
