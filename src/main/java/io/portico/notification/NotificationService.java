package io.portico.notification;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.persistence.EmailOutboxRepository;
import io.portico.notification.persistence.EmailOutboxRepository.QueuedEmail;

/**
 * Entry point of the notification module: queues an email in the caller's transaction (so an
 * email exists exactly when the change that caused it commits) and reports its delivery state.
 */
@Service
public class NotificationService {

    private final EmailOutboxRepository outbox;
    private final Clock clock;

    NotificationService(EmailOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public long queue(EmailMessage message) {
        return queue(message, null);
    }

    /** Queues an email with a file attached (e.g. a report's CSV). */
    @Transactional(propagation = Propagation.REQUIRED)
    public long queue(EmailMessage message, @Nullable EmailAttachment attachment) {
        String html = message.branding().wrap(message.content().html());
        return outbox.insert(message, html, attachment, clock.instant());
    }

    public Optional<QueuedEmail> find(long id) {
        return outbox.find(id);
    }
}
