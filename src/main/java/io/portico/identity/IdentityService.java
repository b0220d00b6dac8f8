package io.portico.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.persistence.AdministratorRepository;
import io.portico.identity.persistence.TokenRepository;
import io.portico.identity.persistence.TokenRepository.Kind;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.platform.SecretBox;
import io.portico.platform.Slice;
import io.portico.platform.Role;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;

/**
 * Entry point of the identity module. The console facade calls it to log in, refresh and turn an
 * AccessToken into an {@link Actor}; the guest API facade to turn an api_token into a
 * {@link ClientPrincipal}; the console's management routes to manage administrators and tokens.
 */
@Service
public class IdentityService {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
    static final String API_TOKEN_PREFIX = "ptk_";
    private static final int VISIBLE_PREFIX = 12;
    private static final String BAD_CREDENTIALS = "Email address or password is incorrect.";
    static final String CODE_REQUIRED = "This account uses two-factor sign-in: send TotpCode with the code from the"
            + " authenticator app (or a recovery code).";
    private static final String BAD_CODE = "The two-factor code is not right or was already used.";
    private static final String CHALLENGE_EXPIRED = "The sign-in took too long; enter your password again.";
    private static final String CHALLENGE_PREFIX = "signin-challenge:";
    /** How long the dashboard's code step may follow the password step. */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);

    private final AdministratorRepository administrators;
    private final TokenRepository tokens;
    private final Passwords passwords;
    private final TenantService tenants;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TwoFactorService twoFactor;
    private final SecretBox box;

    IdentityService(AdministratorRepository administrators, TokenRepository tokens, Passwords passwords,
                    TenantService tenants, IdentityProperties properties, ApplicationEventPublisher events, Clock clock,
                    TwoFactorService twoFactor, SecretBox box) {
        this.twoFactor = twoFactor;
        this.box = box;
        this.administrators = administrators;
        this.tokens = tokens;
        this.passwords = passwords;
        this.tenants = tenants;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // ---- console sign-in -------------------------------------------------------------------

    /**
     * Checks an email and password and opens a session (the console API's login). After
     * {@code maxFailedLogins} wrong passwords or codes in a row the account is locked for
     * {@code lockoutDuration}: every attempt then gets 429 with Retry-After, even with the right
     * password. An administrator with two-factor sign-in on must send the current code (or a
     * recovery code) as {@code totpCode}; one whose operator requires it but who has not enrolled
     * is refused (enrolment is in the dashboard).
     */
    @Transactional(noRollbackFor = PorticoException.class)
    public TokenGrant login(String email, String password, @Nullable String totpCode, RequestOrigin origin) {
        AdministratorRepository.Credentials credentials = checkPassword(email, password, origin);
        Administrator admin = credentials.administrator();
        Instant now = clock.instant();
        if (twoFactor.enabled(admin.id())) {
            if (totpCode == null || totpCode.isBlank()) {
                throw PorticoException.unauthenticated(CODE_REQUIRED);
            }
            checkCode(credentials, totpCode, origin, now);
        } else if (twoFactor.requiredFor(admin.operatorId())) {
            throw PorticoException.unauthenticated("Your operator requires two-factor sign-in: turn it on in the dashboard"
                    + " (Account, Two-factor sign-in) before signing in here.");
        }
        administrators.recordSuccess(admin.id());
        return issue(tokens.insertSession(admin.id(), now), now);
    }

    /** {@link #login(String, String, String, RequestOrigin)} without a code. */
    public TokenGrant login(String email, String password, RequestOrigin origin) {
        return login(email, password, null, origin);
    }

    /**
     * The dashboard's password step: signs in an administrator without two-factor sign-in (one the
     * operator requires it of is then sent to enrolment by the dashboard), or hands back a sealed
     * challenge, valid for {@link #CHALLENGE_TTL}, for {@link #codeStep}. The failure counter is
     * only reset once the code is right, so retyping the password buys no extra code attempts.
     */
    @Transactional(noRollbackFor = PorticoException.class)
    public SignInStep passwordStep(String email, String password, RequestOrigin origin) {
        AdministratorRepository.Credentials credentials = checkPassword(email, password, origin);
        Administrator admin = credentials.administrator();
        Instant now = clock.instant();
        if (twoFactor.enabled(admin.id())) {
            return SignInStep.codeNeeded(box.seal(CHALLENGE_PREFIX + admin.id() + ":" + now.plus(CHALLENGE_TTL).toEpochMilli()));
        }
        administrators.recordSuccess(admin.id());
        return SignInStep.signedIn(issue(tokens.insertSession(admin.id(), now), now));
    }

    /** The dashboard's code step: the challenge from {@link #passwordStep} and a TOTP or recovery code. */
    @Transactional(noRollbackFor = PorticoException.class)
    public TokenGrant codeStep(String challenge, String code, RequestOrigin origin) {
        Instant now = clock.instant();
        long administratorId = openChallenge(challenge, now);
        administrators.lockRow(administratorId);
        Administrator admin = administrators.find(administratorId)
                .orElseThrow(() -> PorticoException.unauthenticated(CHALLENGE_EXPIRED));
        var credentials = administrators.findCredentialsByEmail(admin.email()).orElseThrow();
        if (credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now)) {
            throw locked(credentials.lockedUntil(), now);
        }
        if (admin.disabled()) {
            throw PorticoException.unauthenticated(CHALLENGE_EXPIRED);
        }
        checkCode(credentials, code, origin, now);
        administrators.recordSuccess(admin.id());
        return issue(tokens.insertSession(admin.id(), now), now);
    }

    private long openChallenge(String challenge, Instant now) {
        try {
            String clear = box.open(challenge);
            if (!clear.startsWith(CHALLENGE_PREFIX)) {
                throw PorticoException.unauthenticated(CHALLENGE_EXPIRED);
            }
            String[] parts = clear.substring(CHALLENGE_PREFIX.length()).split(":");
            if (Long.parseLong(parts[1]) <= now.toEpochMilli()) {
                throw PorticoException.unauthenticated(CHALLENGE_EXPIRED);
            }
            return Long.parseLong(parts[0]);
        } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
            throw PorticoException.unauthenticated(CHALLENGE_EXPIRED);
        }
    }

    private void checkCode(AdministratorRepository.Credentials credentials, String code, RequestOrigin origin, Instant now) {
        if (!twoFactor.verify(credentials.administrator().id(), code, now)) {
            fail(credentials, origin, now);
            throw PorticoException.unauthenticated(BAD_CODE);
        }
    }

    /** Password check with the lockout; returns the credentials (row locked) when the password is right. */
    private AdministratorRepository.Credentials checkPassword(String email, String password, RequestOrigin origin) {
        String normalised = normaliseEmail(email);
        if (password == null || password.isEmpty()) {
            throw PorticoException.invalid("password", "{password} is required.");
        }
        var found = administrators.findCredentialsByEmail(normalised);
        if (found.isEmpty()) {
            passwords.spendDecoyVerification(password);
            throw PorticoException.unauthenticated(BAD_CREDENTIALS);
        }
        administrators.lockRow(found.get().administrator().id());
        var credentials = administrators.findCredentialsByEmail(normalised).orElseThrow();
        Administrator admin = credentials.administrator();
        Instant now = clock.instant();
        if (credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now)) {
            throw locked(credentials.lockedUntil(), now);
        }
        if (!passwords.matches(password, credentials.passwordHash()) || admin.disabled()) {
            fail(credentials, origin, now);
            throw PorticoException.unauthenticated(BAD_CREDENTIALS);
        }
        return credentials;
    }

    /** Counts a wrong password or code; throws 429 when it locks the account. */
    private void fail(AdministratorRepository.Credentials credentials, RequestOrigin origin, Instant now) {
        Administrator admin = credentials.administrator();
        int failures = credentials.failedLogins() + 1;
        if (failures >= properties.maxFailedLogins()) {
            Instant until = now.plus(properties.lockoutDuration());
            administrators.recordFailure(admin.id(), 0, until);
            events.publishEvent(new AdministratorActed(admin.operatorId(), null, origin, "/subscriberconsole/login",
                    Map.of("message", "Account " + admin.email() + " locked until " + until + " after "
                            + failures + " failed sign-in attempts."), "", "", now));
            throw locked(until, now);
        }
        administrators.recordFailure(admin.id(), failures, null);
    }

    private static PorticoException locked(Instant until, Instant now) {
        return PorticoException.tooManyRequests("Too many failed sign-in attempts; the account is locked until "
                + until + ".", Duration.between(now, until));
    }

    /**
     * Trades a refresh token for a new access and refresh token. A refresh token works once: a
     * second use means it was copied, so the whole session is revoked.
     */
    @Transactional(noRollbackFor = PorticoException.class)
    public TokenGrant refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw PorticoException.invalid("refreshToken", "{refreshToken} is required.");
        }
        String digest = Secrets.digest(refreshToken);
        Instant now = clock.instant();
        var stored = tokens.findToken(digest).filter(t -> t.kind() == Kind.REFRESH)
                .orElseThrow(() -> PorticoException.unauthenticated("Refresh token is invalid or expired."));
        if (stored.sessionRevokedAt() != null || stored.administratorDisabled() || !stored.expiresAt().isAfter(now)) {
            throw PorticoException.unauthenticated("Refresh token is invalid or expired.");
        }
        if (stored.consumedAt() != null || !tokens.consume(digest, now)) {
            tokens.revokeSession(stored.sessionId(), now);
            throw PorticoException.unauthenticated("Refresh token was already used; the session is revoked. Sign in again.");
        }
        return issue(stored.sessionId(), now);
    }

    /** Ends the session the access token belongs to. */
    @Transactional
    public void logout(String accessToken) {
        tokens.findToken(Secrets.digest(accessToken)).ifPresent(t -> tokens.revokeSession(t.sessionId(), clock.instant()));
    }

    private TokenGrant issue(long session, Instant now) {
        String access = Secrets.randomToken("");
        String refresh = Secrets.randomToken("");
        tokens.insertToken(Secrets.digest(access), session, Kind.ACCESS, now.plus(properties.accessTokenTtl()));
        tokens.insertToken(Secrets.digest(refresh), session, Kind.REFRESH, now.plus(properties.refreshTokenTtl()));
        return new TokenGrant(access, properties.accessTokenTtl().toSeconds(), refresh, "Bearer");
    }

    /** True when an administrator account has this email: the console's one sign-in tries administrators first. */
    @Transactional(readOnly = true)
    public boolean isAdministrator(String email) {
        return administrators.findCredentialsByEmail(normaliseEmail(email)).isPresent();
    }

    /** The administrator behind a valid, unexpired access token of a live session. */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String accessToken, RequestOrigin origin) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findToken(Secrets.digest(accessToken))
                .filter(t -> t.kind() == Kind.ACCESS && t.sessionRevokedAt() == null && !t.administratorDisabled()
                        && t.expiresAt().isAfter(now))
                .flatMap(t -> administrators.find(t.administratorId()))
                .map(a -> new Actor(a.operatorId(), a.id(), a.email(), a.displayName(), a.roles(), origin));
    }

    @Scheduled(fixedDelayString = "${portico.identity.purge-interval:PT1H}", initialDelayString = "PT5M")
    @Transactional
    public void purgeExpiredTokens() {
        int purged = tokens.purgeExpired(clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired console tokens", purged);
        }
    }

    // ---- administrators ---------------------------------------------------------------------

    /** Creates an administrator of the actor's operator; DomainAdministrators only. */
    @Transactional
    public Administrator createAdministrator(Actor actor, String email, String displayName, String password, Set<Role> roles) {
        actor.require(Permission.MANAGE_ADMINISTRATORS);
        Administrator created = createAdministrator(actor.operatorId(), email, displayName, password, roles);
        events.publishEvent(AdministratorActed.by(actor, "/administrators/addAdministrator",
                Map.of("message", "Administrator added: " + created.email() + " with roles " + wireNames(roles) + "."), clock.instant()));
        return created;
    }

    /** Creates an administrator without an acting administrator (first start, demo data, tests). */
    @Transactional
    public Administrator createAdministrator(long operatorId, String email, String displayName, String password, Set<Role> roles) {
        String normalised = normaliseEmail(email);
        if (roles.isEmpty()) {
            throw PorticoException.invalid("roles", "At least one role is required.");
        }
        if (administrators.findCredentialsByEmail(normalised).isPresent()) {
            throw PorticoException.conflict("An administrator with email " + normalised + " already exists.");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.length() > 200) {
            throw PorticoException.invalid("displayName", "Display name must be at most 200 characters.");
        }
        long id = administrators.insert(operatorId, normalised, name, passwords.hash(password), roles, clock.instant());
        return administrators.find(id).orElseThrow();
    }

    /**
     * Replaces an administrator's roles (DomainAdministrators only). The operator always keeps at
     * least one enabled DomainAdministrator, so nobody can lock the operator out of its settings.
     */
    @Transactional
    public Administrator changeRoles(Actor actor, String email, Set<Role> roles) {
        actor.require(Permission.MANAGE_ADMINISTRATORS);
        if (roles.isEmpty()) {
            throw PorticoException.invalid("roles", "At least one role is required.");
        }
        String normalised = normaliseEmail(email);
        Administrator target = administrators.findCredentialsByEmail(normalised).map(AdministratorRepository.Credentials::administrator)
                .filter(a -> a.operatorId() == actor.operatorId())
                .orElseThrow(() -> PorticoException.notFound("Unknown administrator " + normalised + "."));
        boolean anotherDomainAdministrator = administrators.list(actor.operatorId()).stream()
                .anyMatch(a -> a.id() != target.id() && !a.disabled() && a.roles().contains(Role.DOMAIN_ADMINISTRATORS));
        if (!roles.contains(Role.DOMAIN_ADMINISTRATORS) && !anotherDomainAdministrator) {
            throw PorticoException.conflict("The operator must keep at least one DomainAdministrator.");
        }
        administrators.replaceRoles(target.id(), roles);
        events.publishEvent(AdministratorActed.by(actor, "/administrators/updateAdministratorRoles",
                Map.of("message", "Roles of " + target.email() + " set to " + wireNames(roles) + "."), clock.instant()));
        return administrators.find(target.id()).orElseThrow();
    }

    /**
     * Removes an administrator of the actor's operator (DomainAdministrators only), ending their
     * sessions. Nobody removes themselves, and the operator always keeps an enabled DomainAdministrator.
     */
    @Transactional
    public void removeAdministrator(Actor actor, String email) {
        actor.require(Permission.MANAGE_ADMINISTRATORS);
        String normalised = normaliseEmail(email);
        Administrator target = administrators.findCredentialsByEmail(normalised).map(AdministratorRepository.Credentials::administrator)
                .filter(a -> a.operatorId() == actor.operatorId())
                .orElseThrow(() -> PorticoException.notFound("Unknown administrator " + normalised + "."));
        if (target.id() == actor.administratorId()) {
            throw PorticoException.conflict("An administrator cannot remove themselves.");
        }
        boolean anotherDomainAdministrator = administrators.list(actor.operatorId()).stream()
                .anyMatch(a -> a.id() != target.id() && !a.disabled() && a.roles().contains(Role.DOMAIN_ADMINISTRATORS));
        if (!anotherDomainAdministrator) {
            throw PorticoException.conflict("The operator must keep at least one DomainAdministrator.");
        }
        administrators.delete(target.id());
        events.publishEvent(AdministratorActed.by(actor, "/administrators/removeAdministrator",
                Map.of("message", "Administrator removed: " + target.email() + "."), clock.instant()));
    }

    public List<Administrator> listAdministrators(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return administrators.list(actor.operatorId());
    }

    /**
     * A page (zero-based) of the operator's administrators by email whose email or name starts with
     * {@code search} (case-insensitive), read in SQL: the dashboard's administrators list.
     */
    public Slice<Administrator> administratorPage(Actor actor, String search, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        return Slice.of(administrators.page(actor.operatorId(), Slice.prefix(search), Slice.offset(page, size), size + 1), size);
    }

    /** A page (zero-based) of the client's API tokens, newest first, read in SQL: the dashboard's client page. */
    public Slice<ApiTokenInfo> apiTokenPage(Actor actor, long clientId, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        return Slice.of(tokens.apiTokenPage(clientId, Slice.offset(page, size), size + 1), size);
    }

    /** Administrators of an operator by role, for the operator details' role lists. */
    public List<Administrator> listAdministrators(long operatorId) {
        return administrators.list(operatorId);
    }

    /** Remembers the dashboard language an administrator picked (en-us, es-xl), for the emails Portico sends staff. */
    @Transactional
    public void rememberLanguage(Actor actor, String locale) {
        if (!locale.matches("[a-z]{2}-[a-z]{2}")) {
            throw PorticoException.invalid("locale", "The language is not valid.");
        }
        administrators.updateLocale(actor.administratorId(), locale);
    }

    /** The languages the operator's administrators chose, by administrator id (absent: none chosen). */
    public Map<Long, String> administratorLanguages(long operatorId) {
        return administrators.locales(operatorId);
    }

    /** Changes an administrator's password and ends all of their sessions. */
    @Transactional
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        var credentials = administrators.findCredentialsByEmail(actor.email())
                .orElseThrow(() -> PorticoException.unauthenticated("Unknown administrator."));
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, credentials.passwordHash())) {
            throw PorticoException.invalid("currentPassword", "Current password is incorrect.");
        }
        administrators.updatePasswordHash(actor.administratorId(), passwords.hash(newPassword));
        tokens.revokeSessionsOf(actor.administratorId(), clock.instant());
        events.publishEvent(AdministratorActed.by(actor, "/administrators/changePassword",
                Map.of("message", "Password changed; all sessions ended."), clock.instant()));
    }

    // ---- guest API tokens -------------------------------------------------------------------

    /**
     * Issues a guest API token for a client of the actor's operator. The clear token is in the
     * result only; Portico keeps its SHA-256 digest and a short prefix to list it by.
     */
    @Transactional
    public IssuedApiToken issueApiToken(Actor actor, long clientId, String label) {
        actor.require(Permission.MANAGE_CLIENTS);
        Client client = tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        IssuedApiToken issued = storeApiToken(client.id(), label, Secrets.randomToken(API_TOKEN_PREFIX), actor.email());
        events.publishEvent(AdministratorActed.by(actor, "/clients/addAPIToken",
                Map.of("message", "API token " + issued.prefix() + "… issued for client " + client.key() + "."), clock.instant()));
        return issued;
    }

    /** Stores a given token for a client (the demo's PORTICO_DEMO_API_TOKEN); at least 16 characters. */
    @Transactional
    public IssuedApiToken installApiToken(long clientId, String label, String token) {
        if (token == null || token.strip().length() < 16 || token.length() > 256) {
            throw PorticoException.invalid("apiToken", "An API token must be 16 to 256 characters long.");
        }
        return storeApiToken(clientId, label, token.strip(), "system");
    }

    private IssuedApiToken storeApiToken(long clientId, String label, String token, String createdBy) {
        String cleanLabel = label == null || label.isBlank() ? "API token" : label.strip();
        if (cleanLabel.length() > 200) {
            throw PorticoException.invalid("label", "{label} must be at most 200 characters.");
        }
        String prefix = token.substring(0, Math.min(VISIBLE_PREFIX, token.length() / 2));
        Instant now = clock.instant();
        long id = tokens.insertApiToken(clientId, cleanLabel, prefix, Secrets.digest(token), createdBy, now);
        return new IssuedApiToken(id, clientId, cleanLabel, prefix, token, now);
    }

    public List<ApiTokenInfo> listApiTokens(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        return tokens.listApiTokens(clientId);
    }

    @Transactional
    public void revokeApiToken(Actor actor, long clientId, long tokenId) {
        actor.require(Permission.MANAGE_CLIENTS);
        Client client = tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        if (!tokens.revokeApiToken(client.id(), tokenId, clock.instant())) {
            throw PorticoException.notFound("No active API token " + tokenId + " for client " + clientId + ".");
        }
        events.publishEvent(AdministratorActed.by(actor, "/clients/revokeAPIToken",
                Map.of("message", "API token " + tokenId + " of client " + client.key() + " revoked."), clock.instant()));
    }

    /** The client behind a guest API token; empty when unknown or revoked. */
    @Transactional
    public Optional<ClientPrincipal> authenticateApiToken(String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findApiToken(Secrets.digest(token.strip()))
                .filter(t -> t.revokedAt() == null)
                .map(t -> {
                    // Recording use once a minute is enough for "last used" and keeps reads read-mostly.
                    if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
                        tokens.touchApiToken(t.id(), now);
                    }
                    return new ClientPrincipal(t.clientId(), t.operatorId(), t.id());
                });
    }

    /** Trims and lower-cases an email address; 400 when it is missing or not an address. */
    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            throw PorticoException.invalid("email", "{email} is required.");
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw PorticoException.invalid("email", "{email} is not a valid email address.");
        }
        return e;
    }

    private static List<String> wireNames(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::wireName).toList();
    }

}
