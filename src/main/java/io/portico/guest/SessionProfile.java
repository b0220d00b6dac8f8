package io.portico.guest;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * What a guest plan grants a device: a session time limit, an idle timeout, speeds and a data
 * cap; null means "no limit". RADIUS turns these into Session-Timeout, Idle-Timeout and rates.
 */
public record SessionProfile(long id, long clientId, String name, @Nullable Duration sessionTimeout,
                             @Nullable Duration idleTimeout, @Nullable Long downloadKbps, @Nullable Long uploadKbps,
                             @Nullable Long dataCapBytes, Instant createdAt) {

    public SessionProfile {
        name = Text.requiredAtMost("sessionProfileName", name, 200);
        positive("sessionTimeoutSeconds", sessionTimeout == null ? null : sessionTimeout.toSeconds());
        positive("idleTimeoutSeconds", idleTimeout == null ? null : idleTimeout.toSeconds());
        positive("downloadKbps", downloadKbps);
        positive("uploadKbps", uploadKbps);
        positive("dataCapBytes", dataCapBytes);
    }

    static void positive(String field, @Nullable Long value) {
        if (value != null && value <= 0) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be a positive whole number when given.");
        }
    }
}
