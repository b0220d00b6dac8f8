package io.portico.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.notification.NotificationProperties;
import io.portico.notification.persistence.EmailOutboxRepository;
import io.portico.notification.persistence.EmailOutboxRepository.QueuedEmail;

/**
 * Sends due emails from the outbox over SMTP, as a recurring db-scheduler task (one instance at
 * a time across a cluster). A failure is retried with doubling delay; after
 * {@code giveUpAfter} the email is marked FAILED. Without an SMTP host, emails wait.
 */
@Configuration(proxyBeanMethods = false)
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    @Bean
    RecurringTask<Void> emailDispatch(EmailOutboxRepository outbox, ObjectProvider<JavaMailSender> mail,
                                      NotificationProperties properties, Clock clock,
                                      @Value("${spring.mail.host:}") String smtpHost) {
        // No transaction around the sends: a slow SMTP server must not hold database locks. The
        // recurring task runs on one instance at a time, so no other dispatcher sends the same rows.
        return Tasks.recurring("email-dispatch", Schedules.fixedDelay(properties.dispatchInterval()))
                .execute((instance, context) -> {
                    JavaMailSender sender = mail.getIfAvailable();
                    if (sender == null || smtpHost.isBlank()) {
                        return;
                    }
                    for (QueuedEmail email : outbox.due(clock.instant(), properties.batchSize())) {
                        deliver(email, sender, outbox, properties, clock);
                    }
                });
    }

    static void deliver(QueuedEmail email, JavaMailSender sender, EmailOutboxRepository outbox,
                        NotificationProperties properties, Clock clock) {
        int attempts = email.attempts() + 1;
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(email.sender());
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            if (email.attachment() != null) {
                var file = email.attachment();
                helper.addAttachment(file.filename(), new org.springframework.core.io.ByteArrayResource(
                        file.content().getBytes(StandardCharsets.UTF_8)), file.contentType());
            }
            message.setHeader("Content-Language", email.locale());
            sender.send(message);
            outbox.markSent(email.id(), attempts, clock.instant());
            log.info("Email {} ({}) sent on attempt {}", email.id(), email.kind(), attempts);
        } catch (MailException | MessagingException e) {
            Instant now = clock.instant();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (Duration.between(email.createdAt(), now).compareTo(properties.giveUpAfter()) >= 0) {
                outbox.markFailed(email.id(), attempts, error);
                log.warn("Email {} ({}) failed for good after {} attempts: {}", email.id(), email.kind(), attempts, error);
            } else {
                outbox.markRetry(email.id(), attempts, now.plus(backoff(attempts, properties)), error);
                log.info("Email {} ({}) attempt {} failed, will retry: {}", email.id(), email.kind(), attempts, error);
            }
        }
    }

    static Duration backoff(int attempts, NotificationProperties properties) {
        Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : delay;
    }
}
