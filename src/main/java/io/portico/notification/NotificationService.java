package io.portico.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.internal.DefaultEmailTemplates;
import io.portico.notification.persistence.EmailOutboxRepository;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.notification.persistence.EmailOutboxRepository.QueuedEmail;

/**
 * Entry point of the notification module: queues an email in the caller's transaction (so an
 * email exists exactly when the change that caused it commits) and reports its delivery state.
 */
@Service
public class NotificationService {

    private static final DateTimeFormatter EXAMPLE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final EmailOutboxRepository outbox;
    private final OperatorSettingsService settings;
    private final Clock clock;

    NotificationService(EmailOutboxRepository outbox, OperatorSettingsService settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Portico's wording of an email in a locale, used where the operator's template leaves a part empty. */
    public EmailTemplate defaultTemplate(EmailKind kind, String locale) {
        return DefaultEmailTemplates.of(kind, locale);
    }

    /**
     * An email as it would go out with the given (unsaved) parts, blank ones taking Portico's
     * wording, filled with example values and wrapped in the operator's branding. Saves nothing.
     */
    public EmailPreview preview(long operatorId, EmailKind kind, String locale, String subject, String html, String text) {
        EmailTemplate fallback = defaultTemplate(kind, locale);
        EmailTemplate template = new EmailTemplate(subject.isBlank() ? fallback.subject() : subject,
                html.isBlank() ? fallback.html() : html, text.isBlank() ? fallback.text() : text);
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        Instant now = clock.instant();
        Map<String, String> variables = new HashMap<>();
        variables.put("operatorname", profile.networkOperatorName());
        variables.put("operatoraddress", String.join(", ", profile.addressLine1(), profile.city(), profile.state()));
        variables.put("venuename", "Harbour View");
        variables.put("unitid", "101");
        variables.put("serviceplanid", "RESIDENT-100");
        variables.put("givenname", "Ana");
        variables.put("familyname", "Lima");
        variables.put("emailaddress", "ana.lima@example.com");
        variables.put("startdate", EXAMPLE_DATE.format(now));
        variables.put("enddate", EXAMPLE_DATE.format(now.plus(Duration.ofDays(365))));
        variables.put("passwordlink", "https://wifi.example.com/subscriber/password?token=example");
        variables.put("linkexpiry", EXAMPLE_DATE.format(now.plus(Duration.ofDays(2))));
        EmailTemplate.RenderedEmail rendered = template.render(variables);
        Branding branding = new Branding(email.brandColor(), profile.logoUrl(), profile.networkOperatorName());
        return new EmailPreview(rendered.subject(), branding.wrap(rendered.html()), rendered.text());
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
