package io.portico.platform;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS contexts for Portico's HTTP clients to operator equipment (RouterOS gateways, UniFi
 * controllers): the JDK's trust store, or, when the operator turned on the module's
 * {@code insecure-tls} setting for a management network they trust, trust in any certificate
 * (such equipment ships self-signed ones; it allows a man in the middle).
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext forEquipment(boolean insecureTls) {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
