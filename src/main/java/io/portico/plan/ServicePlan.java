package io.portico.plan;

import java.time.Instant;

/**
 * A service plan of an operator. {@code key} is the console's ServicePlanID,
 * {@code <operator key>._V3SERVICEPLAN_.<NAME>}; it stays the same when the plan is renamed.
 */
public record ServicePlan(long id, long operatorId, String key, PlanTerms terms, Instant createdAt) {
}
