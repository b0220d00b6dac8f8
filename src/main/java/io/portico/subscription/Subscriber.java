package io.portico.subscription;

import java.time.Instant;

/** A resident of an operator; {@code token} is the console's SubscriberToken. */
public record Subscriber(long id, long operatorId, String token, String email, String givenName, String familyName,
                         String phoneE164, String locale, boolean contactBySms, boolean contactByEmail, Instant createdAt) {
}
