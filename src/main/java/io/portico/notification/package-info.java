/**
 * Email notifications: templates per locale rendered with their dynamic variables, queued in an
 * outbox in the caller's transaction, and sent over SMTP with retries.
 */
@NullMarked
package io.portico.notification;

import org.jspecify.annotations.NullMarked;
