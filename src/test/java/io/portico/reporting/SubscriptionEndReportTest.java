package io.portico.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Role;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.LoopbackParts;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.TestClock;

/**
 * The subscription-end report goes out by email (real SMTP: GreenMail) once per
 * ReportingSubscriptionEnd_frequency_hours, to the operator's enabled DomainAdministrators only, in
 * each one's dashboard language, listing the subscriptions ending within the lookahead, soonest
 * first, with the same rows as a CSV attachment; two instances racing for a period send it once.
 */
@PorticoIntegrationTest
class SubscriptionEndReportTest {

    static GreenMail smtp = LoopbackParts.smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
        // The scheduled check runs once at start; the test drives the periods with the clock.
        registry.add("portico.reporting.check-interval", () -> "10h");
    }

    @Autowired
    SubscriptionEndReport report;
    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    ResidentWorld world;
    String english;
    String spanish;
    String manager;
    String disabled;

    @BeforeEach
    void setUp() throws Exception {
        clock.fix(Instant.parse("2026-03-02T08:00:00Z"));
        world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.REPORTING, new Sections.Reporting(48, 24),
                Map.of());
        english = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        spanish = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS, Role.CUSTOMER_SUPPORT);
        manager = fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS);
        disabled = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        jdbc.sql("update administrator set locale = 'es-xl' where email = ?").param(spanish).update();
        jdbc.sql("update administrator set disabled = true where email = ?").param(disabled).update();
        Instant now = clock.instant();
        subscription("soon@example.com", now.plus(Duration.ofHours(10)));
        subscription("later@example.com", now.plus(Duration.ofHours(30)));
        subscription("far@example.com", now.plus(Duration.ofHours(100)));
        subscription("open@example.com", null);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void domainAdministratorsGetTheReportOncePerPeriodWithTheRowsEndingInTheWindow() throws Exception {
        long operator = world.operator.id();
        assertThat(report.sendIfDue(operator)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> received().size() == 2);
        MimeMessage toEnglish = receivedBy(english).getFirst();
        assertThat(toEnglish.getSubject()).isEqualTo("2 subscriptions end in the next 48 hours (Harbor Residences)");
        assertThat(toEnglish.getHeader("Content-Language")[0]).isEqualTo("en-us");
        assertThat(csvLines(toEnglish)).containsExactly(
                "subscription_id,venue,unit,subscriber,email,service_plan,starts_at,ends_at",
                row("soon@example.com"), row("later@example.com"));
        MimeMessage toSpanish = receivedBy(spanish).getFirst();
        assertThat(toSpanish.getSubject()).isEqualTo("2 suscripciones terminan en las próximas 48 horas (Harbor Residences)");
        assertThat(csvLines(toSpanish)).hasSize(3);
        assertThat(receivedBy(manager)).isEmpty();
        assertThat(receivedBy(disabled)).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(report.sendIfDue(operator)).isFalse();
        clock.advance(Duration.ofHours(22));
        assertThat(report.sendIfDue(operator)).as("23 hours after: the 24-hour period has not ended").isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(report.sendIfDue(operator)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> received().size() == 4);
        MimeMessage second = receivedBy(english).getLast();
        assertThat(second.getSubject()).startsWith("1 subscriptions end");
        assertThat(csvLines(second)).as("the first has ended; the third is still beyond 48 hours")
                .containsExactly("subscription_id,venue,unit,subscriber,email,service_plan,starts_at,ends_at", row("later@example.com"));
        // Every report email is queued in the transaction that claims the period: nothing more is on its way.
        assertThat(queuedReports()).isEqualTo(4);
        assertThat(received()).hasSize(4);
    }

    @Test
    void twoInstancesRacingForThePeriodSendItOnce() throws Exception {
        long operator = world.operator.id();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> report.sendIfDue(operator));
            }
            long winners = pool.invokeAll(racers).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    return false;
                }
            }).count();
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received().size() == 2);
        assertThat(queuedReports()).isEqualTo(2);
        assertThat(received()).hasSize(2);
    }

    /** The report emails queued for the operator (sent or not): the claim and the queue share one transaction. */
    private long queuedReports() {
        return jdbc.sql("select count(*) from email_outbox where operator_id = ? and kind = ?").params(world.operator.id(), SubscriptionEndReport.KIND)
                .query(Long.class).single();
    }

    private void subscription(String email, Instant endsAt) {
        context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(world.unit("U-" + email.substring(0, 4)).key(),
                world.plan.key(), new SubscriberDetails(email, "Rita", email.substring(0, 4), "+15551230000", "en-us", false, false),
                clock.instant().minus(Duration.ofDays(1)), endsAt, null));
    }

    private String row(String email) {
        return jdbc.sql("""
                select s.id, u.unit_name, r.family_name, p.plan_key, s.starts_at, s.ends_at
                  from subscription s join unit u on u.id = s.unit_id join subscriber r on r.id = s.subscriber_id
                  join service_plan p on p.id = s.plan_id where r.operator_id = ? and r.email = ?""")
                .params(world.operator.id(), email)
                .query((rs, n) -> String.join(",", Long.toString(rs.getLong(1)), "Harbor Lofts", rs.getString(2), "Rita " + rs.getString(3),
                        email, rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class).toInstant().toString(),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant().toString())).single();
    }

    /** This operator's administrators' messages (other tests' outbox emails may reach the same server). */
    private List<MimeMessage> received() throws Exception {
        List<String> ours = List.of(english, spanish, manager, disabled);
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> ours.contains(a.toString()))) {
                mine.add(m);
            }
        }
        return mine;
    }

    private List<MimeMessage> receivedBy(String email) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : received()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email))) {
                mine.add(m);
            }
        }
        return mine;
    }

    private static List<String> csvLines(MimeMessage message) throws Exception {
        Part csv = attachment((MimeMultipart) message.getContent());
        assertThat(csv).as("a CSV attachment").isNotNull();
        assertThat(csv.getFileName()).startsWith("subscriptions-ending-").endsWith(".csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        csv.getInputStream().transferTo(bytes);
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\r\n"));
    }

    private static Part attachment(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                Part found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
