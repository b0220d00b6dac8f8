package io.portico.portal;

import org.jspecify.annotations.Nullable;

/** The status page: plan and what is left of it (data only for a capped plan), where to sign out, where the guest was going. */
public record StatusView(@Nullable String planName, @Nullable String timeLeft, @Nullable String dataLeft,
                         @Nullable String dataUsed,
                         @Nullable String logoutUrl, @Nullable String continueUrl, @Nullable String continueHost,
                         @Nullable String unsubscribeUrl) {
}
