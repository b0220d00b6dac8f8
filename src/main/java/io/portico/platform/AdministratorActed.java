package io.portico.platform;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction of every administrator write, by the module that made the
 * change; the audit module stores it in the operator log in that same transaction.
 *
 * @param functionName the console route or function, e.g. {@code /equipment/configureServicePlan}
 * @param details      what changed, rendered as the log entry's {@code event} object
 */
public record AdministratorActed(long operatorId, @Nullable String administrator, RequestOrigin origin,
                                 String functionName, Map<String, Object> details,
                                 String venueId, String unitId, Instant occurredAt) {

    public AdministratorActed {
        details = Map.copyOf(details);
        venueId = venueId == null ? "" : venueId;
        unitId = unitId == null ? "" : unitId;
    }

    public static AdministratorActed by(Actor actor, String functionName, Map<String, Object> details, Instant at) {
        return new AdministratorActed(actor.operatorId(), actor.label(), actor.origin(), functionName, details, "", "", at);
    }

    public AdministratorActed at(String venueId, String unitId) {
        return new AdministratorActed(operatorId, administrator, origin, functionName, details, venueId, unitId, occurredAt);
    }
}
