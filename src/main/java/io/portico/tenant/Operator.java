package io.portico.tenant;

import java.time.Instant;

/**
 * A network operator, the tenant root. {@code key} is the dotted prefix of the operator's
 * console IDs (e.g. service plans: {@code <key>._V3SERVICEPLAN_.<NAME>}).
 */
public record Operator(long id, String key, String name, Instant createdAt) {

    public Operator {
        key = Keys.require("operator key", key);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator name is required");
        }
    }
}
