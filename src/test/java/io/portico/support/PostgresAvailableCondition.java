package io.portico.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL runs with a clear message when no server answers, except in CI
 * ({@code CI=true}), where a missing PostgreSQL must fail the build instead of hiding.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DatabaseTarget.current() != DatabaseTarget.POSTGRES) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI: PostgreSQL is required");
        }
        synchronized (PostgresAvailableCondition.class) {
            if (available == null) {
                available = DatabaseTarget.postgresAnswers();
                if (!available) {
                    System.err.println("PostgreSQL tests skipped: no server answers at " + DatabaseTarget.pgBaseUrl()
                            + " (user " + DatabaseTarget.pgUser() + "). Start PostgreSQL to run them.");
                }
            }
        }
        return available ? ConditionEvaluationResult.enabled("PostgreSQL answers")
                : ConditionEvaluationResult.disabled("PostgreSQL tests skipped: no server answers at " + DatabaseTarget.pgBaseUrl());
    }
}
