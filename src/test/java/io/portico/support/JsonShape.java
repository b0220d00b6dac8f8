package io.portico.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Compares a response with a documented example by shape: the same keys at every level, the same
 * JSON types (string, number, boolean, null, object, array). Each element of an actual array must
 * have the shape of one of the example's elements; {@code freeForm} keys (such as a log entry's
 * {@code event}) only need to be objects; {@code extraKeys} are keys Portico adds on purpose.
 */
public final class JsonShape {

    private JsonShape() {
    }

    public static JsonNode golden(String name) {
        try (InputStream in = JsonShape.class.getResourceAsStream("/golden/console/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return Http.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertSameShape(JsonNode expected, JsonNode actual, Set<String> freeForm, Set<String> extraKeys) {
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, freeForm, extraKeys, problems);
        if (!problems.isEmpty()) {
            fail("response differs in shape from the documented example:\n  " + String.join("\n  ", problems)
                    + "\nactual: " + actual);
        }
    }

    private static void compare(String path, JsonNode e, JsonNode a, Set<String> freeForm, Set<String> extra, List<String> out) {
        if (type(e) != type(a)) {
            out.add(path + ": expected " + type(e) + " but was " + type(a));
            return;
        }
        if (e.isObject()) {
            Set<String> ek = new TreeSet<>(e.propertyNames());
            Set<String> ak = new TreeSet<>(a.propertyNames());
            ak.removeIf(k -> extra.contains(k) && !ek.contains(k));
            if (!ek.equals(ak)) {
                Set<String> missing = new TreeSet<>(ek);
                missing.removeAll(ak);
                Set<String> added = new TreeSet<>(ak);
                added.removeAll(ek);
                out.add(path + ": keys differ; missing " + missing + ", unexpected " + added);
                return;
            }
            for (String key : ek) {
                if (freeForm.contains(key)) {
                    if (!a.get(key).isObject() && !a.get(key).isNull()) {
                        out.add(path + "." + key + ": expected an object");
                    }
                    continue;
                }
                compare(path + "." + key, e.get(key), a.get(key), freeForm, extra, out);
            }
        } else if (e.isArray()) {
            if (e.isEmpty()) {
                return;
            }
            if (a.isEmpty()) {
                out.add(path + ": expected a non-empty array (the example has entries)");
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                List<List<String>> attempts = new ArrayList<>();
                boolean matched = false;
                for (JsonNode candidate : e) {
                    List<String> local = new ArrayList<>();
                    compare(path + "[" + i + "]", candidate, a.get(i), freeForm, extra, local);
                    if (local.isEmpty()) {
                        matched = true;
                        break;
                    }
                    attempts.add(local);
                }
                if (!matched) {
                    out.addAll(attempts.getFirst());
                }
            }
        }
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

    /** Convenience for assertions on plain values. */
    public static void assertKeys(JsonNode node, String... keys) {
        assertThat(node.propertyNames()).contains(keys);
    }
}
