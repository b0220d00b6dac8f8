package io.portico.gateway;

import java.time.Instant;

/**
 * A gateway did not apply a VLAN change (unreachable, refused credentials, an error body). Published
 * by the gateway reconciler for every failed attempt, inside the transaction that records it; the
 * webhook module sends it to the operator. The change is retried with backoff.
 */
public record GatewayChangeFailed(long operatorId, long gatewayId, String equipmentKey, long venueId, String venueKey, int vlan,
                                  boolean enable, int statusCode, String error, int attempts, Instant occurredAt) {
}
