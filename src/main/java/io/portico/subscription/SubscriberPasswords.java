package io.portico.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.Passwords;
import io.portico.identity.Secrets;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.persistence.SubscriberPasswordRepository;
import io.portico.subscription.persistence.SubscriberSessionRepository;
import io.portico.subscription.persistence.SubscriptionRepository;

/**
 * Subscriber passwords: staff send a single-use set/reset link (a 256-bit random token, stored
 * only as its SHA-256 digest, valid {@code portico.subscription.password-link-validity}; a new
 * link invalidates the older ones), and the subscriber sets a password with it, stored as an
 * Argon2id hash.
 */
@Service
public class SubscriberPasswords {

    private final SubscriptionRepository subscribers;
    private final SubscriberPasswordRepository repository;
    private final SubscriberSessionRepository sessions;
    private final Passwords passwords;
    private final SubscriptionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriberPasswords(SubscriptionRepository subscribers, SubscriberPasswordRepository repository,
                        SubscriberSessionRepository sessions, Passwords passwords,
                        SubscriptionProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.subscribers = subscribers;
        this.repository = repository;
        this.sessions = sessions;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** sendPasswordLink: issues a new link for the subscriber and has the email queued; 404 for an unknown subscriber. */
    @Transactional
    public Subscriber sendLink(Actor actor, @Nullable String email) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        if (email == null || email.isBlank()) {
            throw PorticoException.invalid("email", "{email} is required.");
        }
        Subscriber subscriber = subscribers.findSubscriberByEmail(actor.operatorId(), email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> PorticoException.notFound("Unknown subscriber " + email + "."));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.passwordLinkValidity());
        String token = Secrets.randomToken("");
        repository.replaceLinks(subscriber.id(), Secrets.digest(token), now, expiresAt);
        events.publishEvent(new SubscriberPasswordLinkIssued(subscriber, token, expiresAt));
        events.publishEvent(AdministratorActed.by(actor, "/subscribers/sendPasswordLink", Map.of("message",
                "Password link sent to " + subscriber.email() + ", valid until " + expiresAt + ". "), now));
        return subscriber;
    }

    /**
     * setPassword: checks the link (unknown, used or expired: 401) and the password policy (400,
     * the link stays usable), stores the Argon2id hash and uses the link up. The subscriber's
     * console sessions end and a sign-in lockout is lifted.
     */
    @Transactional
    public Subscriber setPassword(@Nullable String token, @Nullable String password, RequestOrigin origin) {
        if (token == null || token.isBlank()) {
            throw PorticoException.invalid("token", "{token} is required.");
        }
        Instant now = clock.instant();
        SubscriberPasswordRepository.Link link = repository.findLink(Secrets.digest(token.strip()))
                .orElseThrow(() -> PorticoException.unauthenticated("This password link is not valid; ask for a new one."));
        if (link.usedAt() != null) {
            throw PorticoException.unauthenticated("This password link has already been used; ask for a new one.");
        }
        if (!link.expiresAt().isAfter(now)) {
            throw PorticoException.unauthenticated("This password link has expired; ask for a new one.");
        }
        String hash = passwords.hash(password == null ? "" : password);
        if (!repository.consume(link.id(), now)) {
            throw PorticoException.unauthenticated("This password link has already been used; ask for a new one.");
        }
        Subscriber subscriber = subscribers.findSubscriber(link.subscriberId()).orElseThrow();
        repository.savePasswordHash(subscriber.id(), hash, now);
        sessions.revokeSessionsOf(subscriber.id(), now);
        events.publishEvent(new LoginPasswordCreated(subscriber, origin, now));
        return subscriber;
    }
}
