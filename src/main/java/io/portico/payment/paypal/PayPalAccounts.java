package io.portico.payment.paypal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.SecretName;
import io.portico.operator.Sections;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PayPal account an operator connected (ShoppingCart's PayPal part): its REST app in sandbox
 * or live mode and the webhook id PayPal verifies events against. Guest checkout and the webhook
 * endpoint ask for it per operator.
 */
@Component
public class PayPalAccounts {

    /** An operator's connected PayPal account. */
    public record Account(long operatorId, boolean sandbox, PayPalApi api, String webhookId) {
    }

    private final OperatorSettingsService settings;
    private final PayPalProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    PayPalAccounts(OperatorSettingsService settings, PayPalProperties properties, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The operator's account when PayPal is enabled and its client id and secret are set. */
    public Optional<Account> account(long operatorId) {
        Sections.PayPal paypal = settings.section(operatorId, Section.PAYPAL);
        Optional<String> clientId = settings.secret(operatorId, SecretName.PAYPAL_CLIENT_ID);
        Optional<String> clientSecret = settings.secret(operatorId, SecretName.PAYPAL_CLIENT_SECRET);
        if (!paypal.enabled() || clientId.isEmpty() || clientSecret.isEmpty()) {
            return Optional.empty();
        }
        PayPalApi api = new PayPalApi(properties.baseUrl(paypal.sandbox()), clientId.get(), clientSecret.get(), http,
                properties.timeout(), json, clock);
        return Optional.of(new Account(operatorId, paypal.sandbox(), api,
                settings.secret(operatorId, SecretName.PAYPAL_WEBHOOK_ID).orElse("")));
    }
}
