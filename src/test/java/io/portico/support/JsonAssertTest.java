package io.portico.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class JsonAssertTest {

    private static JsonNode json(String text) {
        return Http.json().readTree(text);
    }

    @Test
    void comparesValuesUnlessAPathIsIgnored() {
        String expected = "{\"id\": 7, \"name\": \"Lobby\", \"at\": \"2026-01-01\", \"list\": [{\"vlan\": 1}]}";
        assertThatCode(() -> JsonAssert.expecting(expected).ignoringValuesAt("/id", "/at")
                .assertMatches(json("{\"id\": 9, \"name\": \"Lobby\", \"at\": \"2027-02-02\", \"list\": [{\"vlan\": 1.0}]}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonAssert.expecting(expected).ignoringValuesAt("/id", "/at")
                .assertMatches(json("{\"id\": 9, \"name\": \"Hall\", \"at\": \"2027\", \"list\": [{\"vlan\": 2}]}")))
                .hasMessageContaining("/name: expected \"Lobby\" but was \"Hall\"")
                .hasMessageContaining("/list/0/vlan: expected 1 but was 2");
        assertThatThrownBy(() -> JsonAssert.expecting(expected).ignoringValuesAt("/id", "/at")
                .assertMatches(json("{\"id\": \"9\", \"name\": \"Lobby\", \"at\": \"2027\", \"list\": [{\"vlan\": 1}]}")))
                .hasMessageContaining("/id: expected number but was string");
    }

    @Test
    void shapeOnlyPathsMatchEachElementAgainstAnyExampleElement() {
        String expected = "{\"log\": [{\"a\": 1}, {\"a\": 1, \"b\": null}], \"event\": {}}";
        assertThatCode(() -> JsonAssert.expecting(expected).shapeOnlyAt("/log").freeFormAt("/event")
                .assertMatches(json("{\"log\": [{\"a\": 5, \"b\": \"x\"}, {\"a\": 6}, {\"a\": 7}], \"event\": {\"k\": 1}}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonAssert.expecting(expected).shapeOnlyAt("/log")
                .assertMatches(json("{\"log\": [{\"c\": 5}], \"event\": {}}")))
                .hasMessageContaining("/log/0: keys differ");
    }

    @Test
    void keysInOrderAndExtraKeysAreExplicit() {
        assertThatThrownBy(() -> JsonAssert.expecting("{\"a\": 1, \"b\": 2}").keysInOrder()
                .assertMatches(json("{\"b\": 2, \"a\": 1}"))).hasMessageContaining("keys in order [b, a]");
        assertThatCode(() -> JsonAssert.expecting("{\"a\": 1}").allowingExtraKeys("SourceUA")
                .assertMatches(json("{\"a\": 1, \"SourceUA\": \"x\"}"))).doesNotThrowAnyException();
    }
}
