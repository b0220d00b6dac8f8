package io.portico.plan;

/**
 * What adding or configuring a service plan did: the plan as it now is, and the summary the
 * operator log records for it (the console answers with the same words).
 */
public record PlanChange(ServicePlan plan, String summary) {
}
