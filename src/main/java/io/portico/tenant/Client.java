package io.portico.tenant;

import java.time.Instant;

/**
 * A customer organisation of an operator: the guest API's {@code client {id, company}} and the
 * console's property management group ({@code key} is its PropertyManagementGroupID).
 */
public record Client(long id, long operatorId, String key, String company, Instant createdAt) {

    public Client {
        key = Keys.require("client key", key);
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("company is required");
        }
    }
}
