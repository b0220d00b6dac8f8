package io.portico.payment.internal;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;

import io.portico.payment.PaymentProperties;
import io.portico.payment.StripeAccount;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;

/**
 * Builds a {@link StripeClient} per operator and call with that operator's secret key and the
 * configured API base, so operators never share a key and Stripe's global static configuration
 * ({@code Stripe.apiKey}) is never touched.
 */
@Component
public class StripeClients {

    private final PaymentProperties properties;

    StripeClients(PaymentProperties properties) {
        this.properties = properties;
    }

    public StripeClient forAccount(StripeAccount account) {
        if (account.secretKey().isEmpty()) {
            throw new PorticoException(Problem.CONFLICT, "Card payments are not set up for this operator.");
        }
        int timeout = (int) properties.stripeTimeout().toMillis();
        return StripeClient.builder()
                .setApiKey(account.secretKey())
                .setApiBase(properties.stripeApiBase())
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout)
                .setMaxNetworkRetries(2)
                .build();
    }
}
