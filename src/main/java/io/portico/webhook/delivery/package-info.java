/** Outgoing webhook delivery: Standard Webhooks signing, target checks and the HTTP sender. */
@NullMarked
package io.portico.webhook.delivery;

import org.jspecify.annotations.NullMarked;
