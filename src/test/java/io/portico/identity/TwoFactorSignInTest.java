package io.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;

@PorticoIntegrationTest
class TwoFactorSignInTest {

    /** The start of a 30-second step, so tests can stand at either edge of it. */
    private static final Instant STEP_START = Instant.parse("2026-06-01T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    IdentityService identity;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    JdbcClient jdbc;

    Operator operator;
    String email;
    RequestOrigin origin = new RequestOrigin("198.51.100.7", "en-us", "test");

    @BeforeEach
    void setUp() {
        clock.fix(STEP_START);
        operator = fixtures.operator();
        email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Actor actor() {
        TokenGrant grant = identity.login(email, Fixtures.PASSWORD, Totp.code(secret, clock.instant()), origin);
        return identity.authenticate(grant.accessToken(), origin).orElseThrow();
    }

    String secret;

    /** Enrols the administrator; returns the recovery codes. */
    private List<String> enrol() {
        Actor actor = identity.authenticate(identity.login(email, Fixtures.PASSWORD, origin).accessToken(), origin).orElseThrow();
        TotpEnrolment enrolment = twoFactor.startEnrolment(actor);
        secret = enrolment.secret();
        return twoFactor.confirmEnrolment(actor, Totp.code(secret, clock.instant()));
    }

    @Test
    void enrolmentGivesAnOtpauthUriAndTenRecoveryCodesAndSealsTheSecret() {
        List<String> codes = enrol();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        String sealed = jdbc.sql("select t.secret_sealed from administrator_totp t join administrator a on a.id = t.administrator_id"
                + " where a.email = ?").param(email).query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(secret);
        List<String> hashes = jdbc.sql("select r.code_hash from administrator_recovery_code r join administrator a"
                + " on a.id = r.administrator_id where a.email = ?").param(email).query(String.class).list();
        assertThat(hashes).hasSize(10).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
    }

    @Test
    void confirmationRefusesAWrongFirstCode() {
        Actor actor = identity.authenticate(identity.login(email, Fixtures.PASSWORD, origin).accessToken(), origin).orElseThrow();
        TotpEnrolment enrolment = twoFactor.startEnrolment(actor);
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Portico:").contains("secret=" + enrolment.secret());
        String wrong = Totp.code(enrolment.secret(), clock.instant().plus(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> twoFactor.confirmEnrolment(actor, wrong)).isInstanceOf(PorticoException.class);
        assertThat(twoFactor.status(actor).enabled()).isFalse();
    }

    @Test
    void loginWithoutACodeIsRefusedOnceTwoFactorIsOn() {
        enrol();
        clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> identity.login(email, Fixtures.PASSWORD, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNAUTHENTICATED);
                    assertThat(e.getMessage()).contains("TotpCode");
                });
        assertThat(identity.login(email, Fixtures.PASSWORD, Totp.code(secret, clock.instant()), origin).accessToken()).isNotBlank();
    }

    @Test
    void codesAreTakenOneStepEitherSideOfNowButNotTwo() {
        enrol();
        clock.fix(STEP_START.plus(Duration.ofMinutes(10)));
        Instant now = clock.instant();
        // The previous step's code, typed just as it turned over, and the next step's (a phone clock ahead).
        String previous = Totp.code(secret, now.minusSeconds(1));
        assertThat(identity.login(email, Fixtures.PASSWORD, previous, origin).accessToken()).isNotBlank();
        String next = Totp.code(secret, now.plusSeconds(30));
        assertThat(identity.login(email, Fixtures.PASSWORD, next, origin).accessToken()).isNotBlank();

        clock.advance(Duration.ofMinutes(5));
        String twoStepsOld = Totp.code(secret, clock.instant().minusSeconds(61));
        assertThatThrownBy(() -> identity.login(email, Fixtures.PASSWORD, twoStepsOld, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHENTICATED));
        assertThat(identity.login(email, Fixtures.PASSWORD, Totp.code(secret, clock.instant().plusSeconds(29)), origin))
                .isNotNull();
    }

    @Test
    void aCodeWorksOnce() {
        enrol();
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, clock.instant());
        identity.login(email, Fixtures.PASSWORD, code, origin);

        assertThatThrownBy(() -> identity.login(email, Fixtures.PASSWORD, code, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.getMessage()).contains("already used"));
        // An older step's code is refused too once a newer one was taken.
        String older = Totp.code(secret, clock.instant().minusSeconds(30));
        assertThatThrownBy(() -> identity.login(email, Fixtures.PASSWORD, older, origin)).isInstanceOf(PorticoException.class);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        List<String> codes = enrol();

        assertThat(identity.login(email, Fixtures.PASSWORD, codes.get(3).toUpperCase(), origin).accessToken()).isNotBlank();
        assertThatThrownBy(() -> identity.login(email, Fixtures.PASSWORD, codes.get(3), origin)).isInstanceOf(PorticoException.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(twoFactor.status(actor()).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void theDashboardsPasswordStepHandsAChallengeThatTheCodeStepTakesWithinFiveMinutes() {
        enrol();
        clock.advance(Duration.ofSeconds(30));

        SignInStep step = identity.passwordStep(email, Fixtures.PASSWORD, origin);
        assertThat(step.grant()).isEmpty();
        String challenge = step.codeChallenge().orElseThrow();
        TokenGrant grant = identity.codeStep(challenge, Totp.code(secret, clock.instant()), origin);
        assertThat(identity.authenticate(grant.accessToken(), origin)).isPresent();

        SignInStep late = identity.passwordStep(email, Fixtures.PASSWORD, origin);
        clock.advance(IdentityService.CHALLENGE_TTL.plusSeconds(1));
        assertThatThrownBy(() -> identity.codeStep(late.codeChallenge().orElseThrow(), Totp.code(secret, clock.instant()), origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.getMessage()).contains("took too long"));
        assertThatThrownBy(() -> identity.codeStep("v1:forged", "123456", origin)).isInstanceOf(PorticoException.class);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        enrol();
        clock.advance(Duration.ofSeconds(30));
        String challenge = identity.passwordStep(email, Fixtures.PASSWORD, origin).codeChallenge().orElseThrow();
        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofHours(1)));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> identity.codeStep(challenge, wrong, origin))
                    .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHENTICATED));
        }
        assertThatThrownBy(() -> identity.codeStep(challenge, wrong, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
        // Locked: even the right code is refused now.
        assertThatThrownBy(() -> identity.codeStep(challenge, Totp.code(secret, clock.instant()), origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
    }

    @Test
    void anOperatorRequirementRefusesConsoleLoginUntilEnrolledAndFlagsEnrolment() {
        Actor domainAdmin = identity.authenticate(identity.login(email, Fixtures.PASSWORD, origin).accessToken(), origin).orElseThrow();
        String support = fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
        Actor supportActor = identity.authenticate(identity.login(support, Fixtures.PASSWORD, origin).accessToken(), origin).orElseThrow();
        assertThatThrownBy(() -> twoFactor.requireForOperator(supportActor, true))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));

        twoFactor.requireForOperator(domainAdmin, true);

        assertThat(twoFactor.status(supportActor).mustEnrol()).isTrue();
        assertThatThrownBy(() -> identity.login(support, Fixtures.PASSWORD, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.getMessage()).contains("requires two-factor"));
        // The dashboard's password step still signs in, so the administrator can enrol there.
        assertThat(identity.passwordStep(support, Fixtures.PASSWORD, origin).grant()).isPresent();
        Integer logged = jdbc.sql("select count(*) from operator_log where operator_id = ? and function_name = ?")
                .params(operator.id(), "/administrators/requireTwoFactor").query(Integer.class).single();
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void consoleLoginTakesTotpCodeAndSays401WhenItIsMissing() {
        enrol();
        clock.advance(Duration.ofSeconds(30));
        Http http = new Http(port);

        var missing = http.postJson("/preview/subscriberconsole/login", Http.body("EmailAddress", email, "Password", Fixtures.PASSWORD));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("message").asString()).contains("TotpCode");

        var ok = http.postJson("/preview/subscriberconsole/login", Http.body("EmailAddress", email, "Password", Fixtures.PASSWORD,
                "TotpCode", Totp.code(secret, clock.instant())));
        assertThat(ok.status()).isEqualTo(200);
    }
}
