package io.portico.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The one JSON comparison of the tests: a response against a golden example (from the API
 * documents, in src/test/resources/golden) or an expected payload. By default it compares keys,
 * nesting, types and values; what a test cannot reproduce is relaxed explicitly by path, so a
 * reader sees exactly which values are not checked:
 * <ul>
 * <li>{@link #ignoringValuesAt}: the value is dynamic (ids, timestamps, tokens); its type is still checked;</li>
 * <li>{@link #shapeOnlyAt}: below this path only keys and types count (an example whose values no
 * fixture can reproduce); each actual array element must have the shape of one example element,
 * and an example {@code null} also allows a string (the documents show optional text as null);</li>
 * <li>{@link #freeFormAt}: any object (or null), such as a log entry's {@code event}.</li>
 * </ul>
 * Paths are JSON-pointer-like ({@code /Subscriptions/0/vlan}, the root is {@code ""}); {@code *}
 * matches any one key or index. Keys may contain dots ({@code StartDateTimeUTC.ISO8601}).
 */
public final class JsonAssert {

    private final JsonNode expected;
    private final List<String[]> ignored = new ArrayList<>();
    private final List<String[]> shapeOnly = new ArrayList<>();
    private final List<String[]> freeForm = new ArrayList<>();
    private final Set<String> extraKeys = new LinkedHashSet<>();
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private boolean keysInOrder;

    private JsonAssert(JsonNode expected) {
        this.expected = expected;
    }

    /** The golden file {@code /golden/<name>} (for example {@code console/listServicePlans.json}). */
    public static JsonNode golden(String name) {
        try (InputStream in = JsonAssert.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return Http.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares against the golden file {@code /golden/<name>}. */
    public static JsonAssert matchesGolden(String name) {
        return new JsonAssert(golden(name));
    }

    /** Compares against an expected document written in the test (text or a parsed node). */
    public static JsonAssert expecting(Object expected) {
        return new JsonAssert(expected instanceof JsonNode node ? node
                : Http.json().readTree(expected instanceof String s ? s : Http.json().writeValueAsString(expected)));
    }

    public JsonAssert ignoringValuesAt(String... paths) {
        for (String p : paths) {
            ignored.add(split(p));
        }
        return this;
    }

    public JsonAssert shapeOnlyAt(String... paths) {
        for (String p : paths) {
            shapeOnly.add(split(p));
        }
        return this;
    }

    public JsonAssert freeFormAt(String... paths) {
        for (String p : paths) {
            freeForm.add(split(p));
        }
        return this;
    }

    /** Keys Portico adds on purpose to a documented object, allowed anywhere. */
    public JsonAssert allowingExtraKeys(String... keys) {
        extraKeys.addAll(List.of(keys));
        return this;
    }

    /**
     * Reads {@code documented} as {@code actual} inside the expected strings, for keys built from a
     * per-test identity (the document's operator key becomes this test's operator key).
     */
    public JsonAssert replacing(String documented, String actual) {
        replacements.put(documented, actual);
        return this;
    }

    /** Objects must also list their keys in the example's order. */
    public JsonAssert keysInOrder() {
        keysInOrder = true;
        return this;
    }

    public void assertMatches(JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare(new ArrayList<>(), expected, actual, false, problems);
        if (!problems.isEmpty()) {
            fail("JSON differs from the expected document:\n  " + String.join("\n  ", problems) + "\nactual: " + actual);
        }
    }

    private void compare(List<String> path, JsonNode e, JsonNode a, boolean shapeMode, List<String> out) {
        boolean shape = shapeMode || matches(shapeOnly, path);
        if (matches(freeForm, path)) {
            if (!a.isObject() && !a.isNull()) {
                out.add(text(path) + ": expected an object but was " + type(a));
            }
            return;
        }
        boolean nullAllowsString = shape && e.isNull() && a.isString();
        if (!type(e).equals(type(a)) && !nullAllowsString) {
            out.add(text(path) + ": expected " + type(e) + " but was " + type(a) + " (" + a + ")");
            return;
        }
        if (e.isObject()) {
            compareObjects(path, e, a, shape, out);
        } else if (e.isArray()) {
            compareArrays(path, e, a, shape, out);
        } else if (!shape && !matches(ignored, path) && !sameValue(e, a)) {
            out.add(text(path) + ": expected " + e + (replacements.isEmpty() ? "" : " (after replacements)") + " but was " + a);
        }
    }

    private void compareObjects(List<String> path, JsonNode e, JsonNode a, boolean shape, List<String> out) {
        List<String> ek = new ArrayList<>(e.propertyNames());
        List<String> ak = new ArrayList<>(a.propertyNames());
        ak.removeIf(k -> extraKeys.contains(k) && !ek.contains(k));
        if (!new TreeSet<>(ek).equals(new TreeSet<>(ak))) {
            Set<String> missing = new TreeSet<>(ek);
            ak.forEach(missing::remove);
            Set<String> added = new TreeSet<>(ak);
            ek.forEach(added::remove);
            out.add(text(path) + ": keys differ; missing " + missing + ", unexpected " + added);
            return;
        }
        if (keysInOrder && !ek.equals(ak)) {
            out.add(text(path) + ": keys in order " + ak + ", expected " + ek);
        }
        for (String key : ek) {
            compare(child(path, key), e.get(key), a.get(key), shape, out);
        }
    }

    private void compareArrays(List<String> path, JsonNode e, JsonNode a, boolean shape, List<String> out) {
        if (!shape) {
            if (e.size() != a.size()) {
                out.add(text(path) + ": expected " + e.size() + " elements but was " + a.size());
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(child(path, Integer.toString(i)), e.get(i), a.get(i), false, out);
            }
            return;
        }
        if (e.isEmpty()) {
            return;
        }
        if (a.isEmpty()) {
            out.add(text(path) + ": expected a non-empty array (the example has entries)");
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            List<String> first = null;
            for (JsonNode candidate : e) {
                List<String> local = new ArrayList<>();
                compare(child(path, Integer.toString(i)), candidate, a.get(i), true, local);
                if (local.isEmpty()) {
                    first = null;
                    break;
                }
                first = first == null ? local : first;
            }
            if (first != null) {
                out.addAll(first);
            }
        }
    }

    /** Numbers compare by value (1600 equals 1600.0), strings after the replacements, the rest exactly. */
    private boolean sameValue(JsonNode e, JsonNode a) {
        if (e.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0;
        }
        if (e.isString()) {
            String text = e.asString();
            // longest first, so a venue key wins over the operator key it starts with
            for (String documented : replacements.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList()) {
                text = text.replace(documented, replacements.get(documented));
            }
            return text.equals(a.asString());
        }
        return e.equals(a);
    }

    private static boolean matches(List<String[]> patterns, List<String> path) {
        for (String[] pattern : patterns) {
            if (pattern.length == path.size()) {
                boolean all = true;
                for (int i = 0; i < pattern.length && all; i++) {
                    all = pattern[i].equals("*") || pattern[i].equals(path.get(i));
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] split(String path) {
        if (path.isEmpty()) {
            return new String[0];
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with / (the root is \"\"): " + path);
        }
        return path.substring(1).split("/", -1);
    }

    private static List<String> child(List<String> path, String segment) {
        List<String> c = new ArrayList<>(path);
        c.add(segment);
        return c;
    }

    private static String text(List<String> path) {
        return path.isEmpty() ? "(root)" : "/" + String.join("/", path);
    }

    private static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return "string";
    }
}
