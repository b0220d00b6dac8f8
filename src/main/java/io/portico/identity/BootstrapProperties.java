package io.portico.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First start ({@code PORTICO_BOOTSTRAP_*}): on an empty database, creates the operator and its
 * first DomainAdministrator. Ignored once any operator exists.
 */
@ConfigurationProperties("portico.bootstrap")
public record BootstrapProperties(@Nullable String adminEmail, @Nullable String adminPassword,
                                  @DefaultValue("My WiFi Operator") String operatorName,
                                  @DefaultValue("OPERATOR") String operatorKey) {
}
