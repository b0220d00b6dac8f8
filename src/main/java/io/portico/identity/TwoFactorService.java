package io.portico.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.persistence.TwoFactorRepository;
import io.portico.identity.persistence.TwoFactorRepository.TotpRow;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.SecretBox;

/**
 * TOTP two-factor sign-in for administrators (RFC 6238). The dashboard's account page enrols an
 * administrator ({@link #startEnrolment}, {@link #confirmEnrolment} with a first code, which hands
 * out ten single-use recovery codes) and turns it off; a DomainAdministrator requires it for the
 * whole operator ({@link #requireForOperator}). {@link IdentityService}'s sign-in asks
 * {@link #verify} for the code step. Secrets are sealed with the {@link SecretBox}; recovery codes
 * are kept as keyed digests; a code is taken once (its time step is remembered).
 */
@Service
public class TwoFactorService {

    public static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Portico";
    private static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwoFactorRepository repository;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwoFactorService(TwoFactorRepository repository, SecretBox box, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TwoFactorStatus status(Actor actor) {
        return new TwoFactorStatus(enabled(actor.administratorId()), repository.requiredFor(actor.operatorId()),
                repository.recoveryCodesLeft(actor.administratorId()));
    }

    /** A new secret for the actor, waiting for a first code; restarts an unfinished enrolment. 409 when already on. */
    @Transactional
    public TotpEnrolment startEnrolment(Actor actor) {
        if (enabled(actor.administratorId())) {
            throw PorticoException.conflict("Two-factor sign-in is already on; turn it off first to enrol a new device.");
        }
        String secret = Totp.newSecret();
        repository.startEnrolment(actor.administratorId(), box.seal(secret), clock.instant());
        return new TotpEnrolment(secret, Totp.uri(ISSUER, actor.email(), secret));
    }

    /** The enrolment waiting for its first code (to show its QR code again after a mistyped code). */
    @Transactional(readOnly = true)
    public java.util.Optional<TotpEnrolment> pendingEnrolment(Actor actor) {
        return repository.find(actor.administratorId()).filter(t -> t.confirmedAt() == null).map(t -> {
            String secret = box.open(t.secretSealed());
            return new TotpEnrolment(secret, Totp.uri(ISSUER, actor.email(), secret));
        });
    }

    /**
     * Turns two-factor sign-in on once the first code from the app matches the pending secret;
     * returns the ten recovery codes, in clear this once.
     */
    @Transactional
    public List<String> confirmEnrolment(Actor actor, String code) {
        TotpRow pending = repository.find(actor.administratorId()).filter(t -> t.confirmedAt() == null)
                .orElseThrow(() -> PorticoException.conflict("Start the enrolment first (there is no pending secret)."));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(box.open(pending.secretSealed()), code == null ? "" : code, now);
        if (step.isEmpty()) {
            throw PorticoException.invalid("totpCode", "That code does not match; check the phone's clock and type the code the app shows now.");
        }
        repository.confirm(actor.administratorId(), step.getAsLong(), now);
        List<String> codes = newRecoveryCodes(actor.administratorId());
        audit(actor, "/administrators/enableTwoFactor", "Two-factor sign-in turned on for " + actor.email() + ".", now);
        return codes;
    }

    /** Replaces the recovery codes (after using some); needs a current code. */
    @Transactional
    public List<String> renewRecoveryCodes(Actor actor, String code) {
        requireCode(actor, code);
        List<String> codes = newRecoveryCodes(actor.administratorId());
        audit(actor, "/administrators/renewRecoveryCodes", "Recovery codes renewed for " + actor.email() + ".", clock.instant());
        return codes;
    }

    /** Turns two-factor sign-in off with a current code (or a recovery code); 409 when the operator requires it. */
    @Transactional
    public void turnOff(Actor actor, String code) {
        if (repository.requiredFor(actor.operatorId())) {
            throw PorticoException.conflict("Your operator requires two-factor sign-in; it cannot be turned off.");
        }
        requireCode(actor, code);
        repository.remove(actor.administratorId());
        audit(actor, "/administrators/disableTwoFactor", "Two-factor sign-in turned off for " + actor.email() + ".", clock.instant());
    }

    /** Requires (or stops requiring) two-factor sign-in of every administrator of the operator; DomainAdministrators only. */
    @Transactional
    public void requireForOperator(Actor actor, boolean required) {
        actor.require(Permission.MANAGE_ADMINISTRATORS);
        Instant now = clock.instant();
        repository.setRequired(actor.operatorId(), required, now);
        audit(actor, "/administrators/requireTwoFactor", required
                ? "Two-factor sign-in required for every administrator."
                : "Two-factor sign-in no longer required.", now);
    }

    // ---- for IdentityService's sign-in ----------------------------------------------------------

    boolean enabled(long administratorId) {
        return repository.find(administratorId).filter(t -> t.confirmedAt() != null).isPresent();
    }

    boolean requiredFor(long operatorId) {
        return repository.requiredFor(operatorId);
    }

    /**
     * True when the code is the app's code within one step of now and newer than the last one
     * taken, or an unused recovery code (spent by this call).
     */
    boolean verify(long administratorId, String code, Instant now) {
        TotpRow totp = repository.find(administratorId).filter(t -> t.confirmedAt() != null).orElse(null);
        if (totp == null || code == null || code.isBlank() || code.length() > 40) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(box.open(totp.secretSealed()), code, now);
        if (step.isPresent()) {
            return repository.useStep(administratorId, step.getAsLong());
        }
        return repository.useRecoveryCode(administratorId, recoveryDigest(code), now);
    }

    private void requireCode(Actor actor, String code) {
        if (!verify(actor.administratorId(), code, clock.instant())) {
            throw PorticoException.invalid("totpCode", "That code is not right or was already used.");
        }
    }

    private List<String> newRecoveryCodes(long administratorId) {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        List<String> hashes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder sb = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    sb.append('-');
                }
                sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(sb.toString());
            hashes.add(recoveryDigest(sb.toString()));
        }
        repository.replaceRecoveryCodes(administratorId, hashes);
        return List.copyOf(codes);
    }

    /** Keyed (HMAC) digest: recovery codes carry about 50 random bits, too few for a plain hash to hide them. */
    private String recoveryDigest(String code) {
        return box.digest("recovery-code", code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT));
    }

    private void audit(Actor actor, String function, String message, Instant at) {
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), at));
    }
}
