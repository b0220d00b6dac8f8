/**
 * The operator's webhook endpoint (URL and sealed signing secret) and the log of delivery
 * attempts. Deliveries themselves come with the webhook engine (issue 6), which records each
 * attempt through {@link io.portico.webhook.WebhookService#recordDelivery}.
 */
@NullMarked
package io.portico.webhook;

import org.jspecify.annotations.NullMarked;
