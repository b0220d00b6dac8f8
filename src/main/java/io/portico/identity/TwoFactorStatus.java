package io.portico.identity;

/**
 * An administrator's two-factor sign-in state, for the dashboard's account page and its check
 * that sends administrators the operator requires it of to enrolment.
 */
public record TwoFactorStatus(boolean enabled, boolean requiredByOperator, int recoveryCodesLeft) {

    /** The operator requires two-factor sign-in and this administrator has not turned it on yet. */
    public boolean mustEnrol() {
        return requiredByOperator && !enabled;
    }
}
