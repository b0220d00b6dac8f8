/** The webhook engine: the outbox listener that writes deliveries and the dispatcher that sends them. */
@NullMarked
package io.portico.webhook.internal;

import org.jspecify.annotations.NullMarked;
