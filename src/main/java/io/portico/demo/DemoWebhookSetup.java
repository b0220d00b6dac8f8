package io.portico.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.portico.tenant.TenantService;
import io.portico.webhook.WebhookService;

/**
 * With {@code --demo} and {@code PORTICO_DEMO_WEBHOOK_URL}, points the demo operator's webhooks at
 * that URL (signing secret {@code PORTICO_DEMO_WEBHOOK_SECRET} when set) and allows it even on a
 * private or loopback address, so a receiver on the developer's machine gets the demo's events.
 * Runs after the {@link DemoDataLoader} on every start, so the receiver can change between runs.
 */
@Component
@Order(20)
class DemoWebhookSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWebhookSetup.class);

    private final DemoProperties properties;
    private final TenantService tenants;
    private final WebhookService webhooks;

    DemoWebhookSetup(DemoProperties properties, TenantService tenants, WebhookService webhooks) {
        this.properties = properties;
        this.tenants = tenants;
        this.webhooks = webhooks;
    }

    @Override
    public void run(ApplicationArguments args) {
        String url = properties.webhookUrl();
        if (!properties.enabled() || url == null || url.isBlank()) {
            return;
        }
        tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY).ifPresent(operator -> {
            String secret = properties.webhookSecret() == null || properties.webhookSecret().isBlank() ? null : properties.webhookSecret();
            webhooks.configure(operator.id(), url, secret);
            webhooks.allowPrivateTargets(operator.id(), true);
            log.info("Demo webhooks go to {} (PORTICO_DEMO_WEBHOOK_URL)", url.strip());
        });
    }
}
