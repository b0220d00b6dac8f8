package io.portico.gateway.internal;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
        try {
            if (!insecureTls) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
