package io.portico.platform.secret;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master key for sealed secrets ({@code PORTICO_SECRETS_KEY}: 32 bytes, base64). When unset,
 * Portico reads {@code keyFile}, creating it with a random key on first start; that default suits
 * the embedded database, production sets the key explicitly (and backs it up).
 */
@ConfigurationProperties("portico.secrets")
public record SecretsProperties(@Nullable String key, @DefaultValue("./data/secret.key") String keyFile) {
}
