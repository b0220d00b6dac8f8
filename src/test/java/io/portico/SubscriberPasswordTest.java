package io.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriberPasswords;
import io.portico.subscription.SubscriptionProperties;
import io.portico.subscription.SubscriptionService;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.JsonAssert;
import io.portico.support.LoopbackParts;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * Subscriber password links against real parts: GreenMail receives the link, the public
 * setPassword route takes its token once, the password is stored as an Argon2id hash and a signed
 * LoginPasswordCreated webhook reaches a loopback receiver.
 */
@PorticoIntegrationTest
class SubscriberPasswordTest {

    static final WebhookReceiver receiver = LoopbackParts.webhookReceiver();
    static final GreenMail smtp = LoopbackParts.smtp();
    static final String SEND = "/preview/networkoperatorconsole/subscribers/sendPasswordLink";
    static final String SET = "/preview/subscriberconsole/setPassword";
    static final String RESET = "/preview/subscriberconsole/requestPasswordReset";
    static final String PORTAL = "https://portal.example.test/wifi";
    static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL) + "/subscriber/password\\?token=([A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
        registry.add("portico.notification.subscriber-portal-url", () -> PORTAL + "/");
        registry.add("portico.webhook.delivery-enabled", () -> "true");
        registry.add("portico.webhook.dispatch-interval", () -> "200ms");
        registry.add("portico.webhook.first-retry", () -> "500ms");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    OperatorSettingsService settings;
    @Autowired
    SubscriberPasswords passwords;
    @Autowired
    SubscriptionProperties properties;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    EngineWorld world;
    ConsoleSession admin;
    Http anonymous;

    @BeforeEach
    void setUp() {
        world = new EngineWorld(context, receiver);
        admin = ConsoleSession.login(new Http(port), fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS),
                Fixtures.PASSWORD);
        anonymous = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stopParts() {
        receiver.close();
        smtp.stop();
    }

    @Test
    void theLinkInTheLocalisedEmailSetsAnArgon2idPasswordOnceAndAnnouncesItWithASignedWebhook() throws Exception {
        settings.initialise(world.operator.id(), Section.EMAIL, new Sections.Email("#0055aa", "", false, "", "", List.of(),
                Map.of("es-xl", Map.of("SubscriberEvents", Map.of("PasswordLink", Map.of(
                        "Subject", "Su clave de {operatorname}", "HTML", "<p>Hola {givenname}: <a href=\"{passwordlink}\">aquí</a></p>",
                        "Text", "Hola {givenname}: {passwordlink}"))))),
                Map.of());
        String email = subscriber("es-xl", true);

        JsonNode sent = admin.post(SEND, "EmailAddress", email.toUpperCase()).json();
        assertThat(sent.get("errorProcessing").asBoolean()).isFalse();
        MimeMessage message = awaitEmail(email, "Su clave de");
        String token = token(message);
        assertThat(GreenMailUtil.getBody(message)).contains("Hola Eva");
        assertThat(jdbc.sql("select count(*) from subscriber_password_link where token_digest = ?").param(token)
                .query(Long.class).single()).isZero();

        Http.Response tooShort = anonymous.postJson(SET, Map.of("Token", token, "Password", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errorProcessing").asBoolean()).isTrue();
        String password = "correct horse battery staple";
        Http.Response set = anonymous.postJson(SET, Map.of("Token", token, "Password", password),
                "Accept-Language", "es-XL", "User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X)");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("errorProcessing").asBoolean()).isFalse();
        String hash = jdbc.sql("select password_hash from subscriber where email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(password);

        Http.Response again = anonymous.postJson(SET, Map.of("Token", token, "Password", "another long password"));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("message").asString()).contains("already been used");
        assertThat(jdbc.sql("select password_hash from subscriber where email = ?").param(email).query(String.class).single())
                .isEqualTo(hash);

        WebhookReceiver.Received created = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                .filter(r -> r.body().contains("\"Type\":\"LoginPasswordCreated\"") && r.body().contains(email)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(world.signatureValid(created)).isTrue();
        JsonNode payload = Http.json().readTree(created.body());
        JsonAssert.expecting("""
                {"Type": "LoginPasswordCreated", "dateAddedUTC.ISO8601": "", "SourceIP": "127.0.0.1", "AdministratorOS": "",
                 "AdministratorBrowser": "", "SourceLocale": "es-xl", "EmailAddress": "%s", "SubscriberToken": "",
                 "GivenName": "Eva", "FamilyName": "Sol", "locale": "es-xl", "contactpref_sms": false, "contactpref_email": true,
                 "event": "Subscriber set a password. ", "PhoneNumber.E164": "+15551230000"}
                """.formatted(email)).keysInOrder().ignoringValuesAt("/dateAddedUTC.ISO8601", "/SubscriberToken")
                .assertMatches(payload);
        assertThat(payload.toString()).doesNotContain(password).doesNotContain(token);

        assertThat(admin.post("/preview/networkoperatorconsole/equipment/listOperatorLog").json().get("log"))
                .anySatisfy(e -> assertThat(e.get("function_name").asString()).isEqualTo("/subscribers/sendPasswordLink"));
    }

    @Test
    void aNewLinkReplacesTheOlderOneAndAnExpiredLinkIsRejected() {
        String email = subscriber("en-us", true);
        admin.post(SEND, "EmailAddress", email);
        String first = token(awaitEmail(email, "Set your"));
        admin.post(SEND, "EmailAddress", email);
        String second = await().atMost(Duration.ofSeconds(30)).until(() -> emails(email, "Set your").stream()
                .map(SubscriberPasswordTest::token).filter(t -> !t.equals(first)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(GreenMailUtil.getBody(awaitEmail(email, "Set your"))).contains("Hello Eva");

        Http.Response replaced = anonymous.postJson(SET, Map.of("Token", first, "Password", "a long enough password"));
        assertThat(replaced.status()).isEqualTo(401);
        assertThat(replaced.json().get("message").asString()).contains("not valid");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        Http.Response expired = anonymous.postJson(SET, Map.of("Token", second, "Password", "a long enough password"));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asString()).contains("expired");
        assertThat(anonymous.postJson(SET, Map.of("Token", "made-up", "Password", "a long enough password")).status())
                .isEqualTo(401);
        assertThat(jdbc.sql("select password_hash from subscriber where email = ?").param(email).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void nothingIsSentToThoseWhoOptedOutOrWhenSuppressedAndStaffNeedThePermission() {
        String optedOut = subscriber("en-us", false);
        assertThat(admin.post(SEND, "EmailAddress", optedOut).status()).isEqualTo(200);
        assertThat(queued(optedOut)).isZero();

        assertThat(admin.post(SEND, "EmailAddress", "nobody-" + Fixtures.unique().toLowerCase() + "@example.com").status())
                .isEqualTo(404);
        String email = subscriber("en-us", true);
        ConsoleSession support = ConsoleSession.login(new Http(port),
                fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);
        assertThat(support.post(SEND, "EmailAddress", email).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from subscriber_password_link l join subscriber s on s.id = l.subscriber_id "
                + "where s.email = ?").param(email).query(Long.class).single()).isZero();

        settings.initialise(world.operator.id(), Section.NOTIFICATIONS, new Sections.Notifications(0, true, true, true, "",
                "noreply@engines.example", true, ""), Map.of());
        assertThat(admin.post(SEND, "EmailAddress", email).status()).isEqualTo(200);
        assertThat(queued(email)).isZero();
    }

    @Test
    void aResidentWhoForgotAsksForALinkThatLeadsToTheSubscriberConsoleAndTheAnswerNeverSaysWhetherTheEmailExists() {
        String email = subscriber("en-us", true);
        Http.Response asked = anonymous.postJson(RESET, Map.of("EmailAddress", email.toUpperCase()));
        Http.Response unknown = anonymous.postJson(RESET, Map.of("EmailAddress", "nobody-" + Fixtures.unique().toLowerCase() + "@example.com"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.raw()).isEqualTo(asked.raw());
        assertThat(asked.json().get("message").asString()).startsWith("If a subscriber has this email address");

        String token = token(awaitEmail(email, "Set your"));
        String password = "a brand new resident password";
        assertThat(anonymous.postJson(SET, Map.of("Token", token, "Password", password)).status()).isEqualTo(200);
        JsonNode login = anonymous.postJson("/preview/subscriberconsole/login", Map.of("EmailAddress", email, "Password", password))
                .json().get("AuthenticationResult");
        assertThat(login.get("Principal").asString()).isEqualTo("Subscriber");

        assertThat(anonymous.postJson(RESET, Map.of("EmailAddress", email)).status()).isEqualTo(200);
        assertThat(anonymous.postJson(RESET, Map.of("EmailAddress", email)).status()).isEqualTo(200);
        Http.Response fourth = anonymous.postJson(RESET, Map.of("EmailAddress", email));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotNull();
        assertThat(anonymous.postJson(RESET, Map.of("EmailAddress", "not an email")).status()).isEqualTo(400);
    }

    @Test
    void passwordResetsAreLimitedPerClientAddressWhateverTheEmail() {
        RequestOrigin origin = new RequestOrigin("198.51.100." + (1 + Math.abs(Fixtures.unique().hashCode()) % 250), "en-us", "test");
        for (int i = 0; i < properties.resetsPerAddressPerHour(); i++) {
            passwords.requestReset("nobody-" + Fixtures.unique().toLowerCase() + "@example.com", origin);
        }
        assertThatThrownBy(() -> passwords.requestReset("someone-" + Fixtures.unique().toLowerCase() + "@example.com", origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
        clock.advance(Duration.ofHours(1));
        passwords.requestReset("later-" + Fixtures.unique().toLowerCase() + "@example.com", origin);
    }

    private String subscriber(String locale, boolean contactByEmail) {
        String email = "eva-" + Fixtures.unique().toLowerCase() + "@example.com";
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(world.unit("P" + Fixtures.unique()).key(),
                world.plan.key(), new SubscriberDetails(email, "Eva", "Sol", "+15551230000", locale, false, contactByEmail),
                clock.instant().plus(Duration.ofDays(30)), null, null));
        return key.subscriber().email();
    }

    private long queued(String recipient) {
        return jdbc.sql("select count(*) from email_outbox where recipient = ? and kind = 'PasswordLink'").param(recipient)
                .query(Long.class).single();
    }

    private static String token(MimeMessage message) {
        Matcher m = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("a password link in the email").isTrue();
        return m.group(1);
    }

    private List<MimeMessage> emails(String to, String subjectPart) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private MimeMessage awaitEmail(String to, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> emails(to, subjectPart), l -> !l.isEmpty()).getLast();
    }

}
