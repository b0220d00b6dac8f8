package io.portico.gateway.internal;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.portico.platform.TlsContexts;

/**
 * Gateway connection settings ({@code portico.gateway.*}).
 *
 * @param insecureTls accept any TLS certificate from gateways. Off by default; RouterOS ships
 *                    self-signed certificates, so an operator may turn it on for a management
 *                    network they trust, knowing it allows a man in the middle.
 */
@ConfigurationProperties("portico.gateway")
public record GatewayProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
                                @DefaultValue("false") boolean insecureTls) {

    SSLContext sslContext() {
        return TlsContexts.forEquipment(insecureTls);
    }
}
