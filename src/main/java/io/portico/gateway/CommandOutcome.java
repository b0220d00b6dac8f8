package io.portico.gateway;

import org.jspecify.annotations.Nullable;

/**
 * What a driver did with one command: whether the gateway now has the asked state, whether it
 * had to change anything, and (on failure) the HTTP status and error the gateway gave.
 *
 * @param statusCode the last HTTP status from the gateway, 0 when it could not be reached
 * @param awaitingConfirmation a manual driver's answer: staff must confirm the change
 */
public record CommandOutcome(boolean success, boolean changed, int statusCode, @Nullable String error,
                             boolean awaitingConfirmation) {

    public static CommandOutcome applied(boolean changed, int statusCode) {
        return new CommandOutcome(true, changed, statusCode, null, false);
    }

    public static CommandOutcome failed(int statusCode, String error) {
        return new CommandOutcome(false, false, statusCode, error, false);
    }

    public static CommandOutcome manual() {
        return new CommandOutcome(false, false, 0, null, true);
    }
}
