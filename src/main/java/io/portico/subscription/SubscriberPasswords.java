package io.portico.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.identity.IdentityService;
import io.portico.identity.Passwords;
import io.portico.identity.Secrets;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.KeyedRateLimit;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.persistence.SubscriberPasswordRepository;
import io.portico.subscription.persistence.SubscriberSessionRepository;
import io.portico.subscription.persistence.SubscriptionRepository;

/**
 * Subscriber passwords: staff send a single-use set/reset link (a 256-bit random token, stored
 * only as its SHA-256 digest, valid {@code portico.subscription.password-link-validity}; a new
 * link invalidates the older ones), or a resident asks for one ({@link #requestReset}), and the
 * subscriber sets a password with it, stored as an Argon2id hash.
 */
@Service
public class SubscriberPasswords {

    private static final Logger log = LoggerFactory.getLogger(SubscriberPasswords.class);

    private final SubscriptionRepository subscribers;
    private final SubscriberPasswordRepository repository;
    private final SubscriberSessionRepository sessions;
    private final Passwords passwords;
    private final SubscriptionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final KeyedRateLimit perAddress;
    private final KeyedRateLimit perEmail;

    SubscriberPasswords(SubscriptionRepository subscribers, SubscriberPasswordRepository repository,
                        SubscriberSessionRepository sessions, Passwords passwords,
                        SubscriptionProperties properties, ApplicationEventPublisher events, Clock clock,
                        PlatformTransactionManager transactionManager) {
        this.subscribers = subscribers;
        this.repository = repository;
        this.sessions = sessions;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.perAddress = new KeyedRateLimit(properties.resetsPerAddressPerHour(), Duration.ofHours(1), clock);
        this.perEmail = new KeyedRateLimit(properties.resetsPerEmailPerHour(), Duration.ofHours(1), clock);
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
     * A resident asks for a password link themselves (the console's "forgot password"): every
     * subscriber with this email, at any operator, gets a new link by email, under the same rules
     * as {@link #sendLink}. The caller learns nothing: an unknown email, an opted-out subscriber or
     * an operator that cannot send email all end the same way. Limited per email and per client
     * address (429 with the wait), whether or not the email exists.
     */
    public void requestReset(@Nullable String email, RequestOrigin origin) {
        String normalised = IdentityService.normaliseEmail(email);
        perAddress.take(origin.sourceIp(), "Too many password reset requests from this address; try again later.");
        perEmail.take(normalised, "Too many password reset requests for this email address; try again later.");
        for (Subscriber subscriber : subscribers.findSubscribersByEmail(normalised)) {
            try {
                // One transaction per subscriber: an operator that cannot send email must not undo another's link.
                transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    Instant expiresAt = now.plus(properties.passwordLinkValidity());
                    String token = Secrets.randomToken("");
                    repository.replaceLinks(subscriber.id(), Secrets.digest(token), now, expiresAt);
                    events.publishEvent(new SubscriberPasswordLinkIssued(subscriber, token, expiresAt));
                });
                log.info("Password reset link issued to subscriber {} at the subscriber's request", subscriber.id());
            } catch (PorticoException e) {
                log.warn("Password reset link for subscriber {} not sent: {}", subscriber.id(), e.getMessage());
            }
        }
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
