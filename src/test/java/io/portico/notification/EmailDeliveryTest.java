package io.portico.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.LoopbackParts;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;

/** Emails go through a real SMTP server (GreenMail on loopback), including while it is down. */
@PorticoIntegrationTest
class EmailDeliveryTest {

    static GreenMail smtp = LoopbackParts.smtp();
    /** The port GreenMail got; a restarted server takes it again, as the mail settings name it. */
    static final int SMTP_PORT = LoopbackParts.port(smtp);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, () -> SMTP_PORT);
    }

    @Autowired
    NotificationService notifications;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    Operator operator;

    @BeforeEach
    void setUp() throws Exception {
        operator = fixtures.operator();
        if (!smtp.isRunning()) {
            smtp = start();
        }
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

    private EmailMessage welcome(String to, java.time.Instant notBefore) {
        var content = new EmailTemplate("Welcome to {venuename} {operatorname} WiFi service", "<p>Hi {givenname}</p>", "Hi {givenname}")
                .render(Map.of("venuename", "Harbor Lofts", "operatorname", "Portico", "givenname", "Ana"));
        return new EmailMessage(operator.id(), "WelcomeEmail", "sub-1", to, "noreply@portico.example", "es-xl", content,
                new Branding("#0055aa", "https://cdn.example.com/logo.png", "Portico"), notBefore);
    }

    @Test
    void aQueuedEmailArrivesWithBothPartsBrandingAndLocale() throws Exception {
        long id = notifications.queue(welcome("ana@example.com", clock.instant()));

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy("ana@example.com").size() == 1);
        MimeMessage message = receivedBy("ana@example.com").get(0);
        assertThat(message.getSubject()).isEqualTo("Welcome to Harbor Lofts Portico WiFi service");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("noreply@portico.example");
        assertThat(message.getHeader("Content-Language")[0]).isEqualTo("es-xl");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("Hi Ana").contains("background:#0055aa").contains("https://cdn.example.com/logo.png");
        assertThat(((MimeMultipart) message.getContent()).getCount()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.find(id).orElseThrow().status().equals("SENT"));
    }

    @Test
    void anEmailWaitsForItsTime() {
        long id = notifications.queue(welcome("later@example.com", clock.instant().plus(Duration.ofHours(2))));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receivedBy("later@example.com").isEmpty());
        assertThat(notifications.find(id).orElseThrow().status()).isEqualTo("PENDING");

        clock.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy("later@example.com").size() == 1);
    }

    @Test
    void anEmailQueuedWhileTheSmtpServerIsDownIsSentWhenItComesBack() throws Exception {
        smtp.stop();
        long id = notifications.queue(welcome("retry@example.com", clock.instant()));

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.find(id).orElseThrow().attempts() >= 1);
        var waiting = notifications.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.lastError()).isNotBlank();

        smtp = start();
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedBy("retry@example.com").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.find(id).orElseThrow().status().equals("SENT"));
    }

    /**
     * The messages GreenMail received for one recipient: other tests sharing the database may leave
     * emails of their own in the outbox, which this context's delivery engine also sends here.
     */
    private static java.util.List<MimeMessage> receivedBy(String recipient) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GreenMail start() {
        return LoopbackParts.smtp(SMTP_PORT);
    }
}
