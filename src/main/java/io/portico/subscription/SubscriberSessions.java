package io.portico.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.IdentityProperties;
import io.portico.identity.IdentityService;
import io.portico.identity.Passwords;
import io.portico.identity.Secrets;
import io.portico.identity.TokenGrant;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.persistence.SubscriberSessionRepository;
import io.portico.subscription.persistence.SubscriptionRepository;
import io.portico.subscription.persistence.SubscriberSessionRepository.Credentials;
import io.portico.subscription.persistence.SubscriberSessionRepository.Kind;

/**
 * Residents' sign-in to the subscriber console (its pages and the console's one sign-in route):
 * email and password, the administrators' lockout rules ({@code portico.identity.*}), and sessions
 * whose access and single-use refresh tokens are stored only as digests. Resident tokens start
 * with {@link #TOKEN_PREFIX}, so the console's one refresh route knows whose they are; they live in
 * their own tables, so an administrator's token never opens a resident's session and the reverse.
 */
@Service
public class SubscriberSessions {

    /** Every resident access and refresh token starts with this. */
    public static final String TOKEN_PREFIX = "rs_";
    private static final Logger log = LoggerFactory.getLogger(SubscriberSessions.class);
    private static final String BAD_CREDENTIALS = "Email address or password is incorrect.";

    private final SubscriberSessionRepository sessions;
    private final SubscriptionRepository subscribers;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    SubscriberSessions(SubscriberSessionRepository sessions, SubscriptionRepository subscribers, Passwords passwords,
                       IdentityProperties properties, Clock clock) {
        this.sessions = sessions;
        this.subscribers = subscribers;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks an email and password and opens a session. An email may belong to residents of
     * several operators: the password picks the one. After {@code maxFailedLogins} wrong passwords
     * in a row an account is locked for {@code lockoutDuration}: 429 with Retry-After, even with
     * the right password.
     */
    @Transactional(noRollbackFor = PorticoException.class)
    public TokenGrant login(String email, String password, RequestOrigin origin) {
        String normalised = IdentityService.normaliseEmail(email);
        if (password == null || password.isEmpty()) {
            throw PorticoException.invalid("password", "{password} is required.");
        }
        List<Credentials> candidates = sessions.lockCredentialsByEmail(normalised);
        if (candidates.isEmpty()) {
            passwords.spendDecoyVerification(password);
            throw PorticoException.unauthenticated(BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        List<Credentials> open = candidates.stream()
                .filter(c -> c.lockedUntil() == null || !c.lockedUntil().isAfter(now)).toList();
        for (Credentials c : open) {
            if (passwords.matches(password, c.passwordHash())) {
                sessions.recordSuccess(c.subscriber().id());
                long session = sessions.insertSession(c.subscriber().id(), c.subscriber().operatorId(), now);
                return issue(session, now);
            }
        }
        if (open.isEmpty()) {
            // Every account is locked: spend the verification anyway, so the answer's timing says nothing.
            passwords.spendDecoyVerification(password);
        }
        @Nullable Instant lockedUntil = candidates.stream().map(Credentials::lockedUntil)
                .filter(until -> until != null && until.isAfter(now)).max(Instant::compareTo).orElse(null);
        boolean anyOpen = false;
        for (Credentials c : open) {
            int failures = c.failedLogins() + 1;
            if (failures >= properties.maxFailedLogins()) {
                Instant until = now.plus(properties.lockoutDuration());
                sessions.recordFailure(c.subscriber().id(), 0, until);
                log.info("Subscriber {} locked until {} after {} failed sign-in attempts", c.subscriber().id(), until, failures);
                lockedUntil = lockedUntil == null || until.isAfter(lockedUntil) ? until : lockedUntil;
            } else {
                sessions.recordFailure(c.subscriber().id(), failures, null);
                anyOpen = true;
            }
        }
        if (!anyOpen && lockedUntil != null) {
            throw PorticoException.tooManyRequests("Too many failed sign-in attempts; the account is locked until "
                    + lockedUntil + ".", Duration.between(now, lockedUntil));
        }
        throw PorticoException.unauthenticated(BAD_CREDENTIALS);
    }

    /**
     * Trades a refresh token for new tokens. A refresh token works once: a second use means it was
     * copied, so the whole session is revoked.
     */
    @Transactional(noRollbackFor = PorticoException.class)
    public TokenGrant refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw PorticoException.invalid("refreshToken", "{refreshToken} is required.");
        }
        String digest = Secrets.digest(refreshToken.strip());
        Instant now = clock.instant();
        var stored = sessions.findToken(digest).filter(t -> t.kind() == Kind.REFRESH)
                .orElseThrow(() -> PorticoException.unauthenticated("Refresh token is invalid or expired."));
        if (stored.sessionRevokedAt() != null || !stored.expiresAt().isAfter(now)) {
            throw PorticoException.unauthenticated("Refresh token is invalid or expired.");
        }
        if (stored.consumedAt() != null || !sessions.consume(digest, now)) {
            sessions.revokeSession(stored.sessionId(), now);
            throw PorticoException.unauthenticated("Refresh token was already used; the session is revoked. Sign in again.");
        }
        return issue(stored.sessionId(), now);
    }

    /** Ends the session the access token belongs to (sign-out); an unknown token changes nothing. */
    @Transactional
    public void logout(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 512) {
            return;
        }
        sessions.findToken(Secrets.digest(accessToken.strip())).ifPresent(t -> sessions.revokeSession(t.sessionId(), clock.instant()));
    }

    /** The resident behind a valid, unexpired access token of a live session. */
    @Transactional(readOnly = true)
    public Optional<SubscriberPrincipal> authenticate(String accessToken, RequestOrigin origin) {
        if (accessToken == null || !accessToken.startsWith(TOKEN_PREFIX) || accessToken.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findToken(Secrets.digest(accessToken))
                .filter(t -> t.kind() == Kind.ACCESS && t.sessionRevokedAt() == null && t.expiresAt().isAfter(now))
                .flatMap(t -> sessions.findEmail(t.subscriberId())
                        .map(email -> new SubscriberPrincipal(t.operatorId(), t.subscriberId(), email, origin)));
    }

    /** The signed-in resident's own record (scoped by operator and subscriber); 401 when it is gone. */
    @Transactional(readOnly = true)
    public Subscriber subscriber(SubscriberPrincipal principal) {
        return subscribers.findSubscriber(principal.subscriberId()).filter(s -> s.operatorId() == principal.operatorId())
                .orElseThrow(() -> PorticoException.unauthenticated("The subscriber of this session no longer exists."));
    }

    /** True for a token this service issued (by its prefix; says nothing about its validity). */
    public static boolean isResidentToken(String token) {
        return token != null && token.startsWith(TOKEN_PREFIX);
    }

    @Scheduled(fixedDelayString = "${portico.identity.purge-interval:PT1H}", initialDelayString = "PT5M")
    @Transactional
    public void purgeExpiredTokens() {
        int purged = sessions.purgeExpired(clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired subscriber console tokens", purged);
        }
    }

    private TokenGrant issue(long session, Instant now) {
        String access = Secrets.randomToken(TOKEN_PREFIX);
        String refresh = Secrets.randomToken(TOKEN_PREFIX);
        sessions.insertToken(Secrets.digest(access), session, Kind.ACCESS, now.plus(properties.accessTokenTtl()));
        sessions.insertToken(Secrets.digest(refresh), session, Kind.REFRESH, now.plus(properties.refreshTokenTtl()));
        return new TokenGrant(access, properties.accessTokenTtl().toSeconds(), refresh, "Bearer");
    }

}
