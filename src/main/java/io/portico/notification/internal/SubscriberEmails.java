package io.portico.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.Branding;
import io.portico.notification.EmailMessage;
import io.portico.notification.EmailTemplate;
import io.portico.notification.NotificationProperties;
import io.portico.notification.NotificationService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.PorticoException;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberPasswordLinkIssued;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionSnapshot;

/**
 * Queues the subscriber emails in the transaction of the event that causes them: the welcome
 * email when a subscription is added (sendSubscriptionAddedEmail, sent WelcomeEmail_countdown_hours
 * later), the end-of-subscription email (sendSubscriptionEndEmail) and the password set/reset link
 * (always, when staff send one). Nothing is queued when the
 * operator suppresses subscriber notifications or emails, or the subscriber opted out of email.
 * The subscriber, subscription, unit and venue come with the event; only the operator's own email
 * settings are read (through the operator module's entry point).
 *
 * <p>Templates come from the operator's EmailConfiguration for the subscriber's locale (else the
 * operator's first supported locale): {@code WelcomeEmail.NewSubscriber} and
 * {@code SubscriptionEndEmail.SubscriptionEnded}, each with {@code Subject}, {@code HTML} and
 * {@code Text}; a part the operator did not write falls back to Portico's English wording. The
 * password link is {@code SubscriberEvents.PasswordLink} ({@code {passwordlink}}, {@code {linkexpiry}}),
 * falling back to English or, for {@code es-*} locales, Spanish.
 */
@Component
class SubscriberEmails {

    private static final Logger log = LoggerFactory.getLogger(SubscriberEmails.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static final EmailTemplate DEFAULT_WELCOME = new EmailTemplate("Welcome to {venuename} {operatorname} WiFi service",
            "<p>Hello {givenname},</p><p>your WiFi service at {venuename} (unit {unitid}) starts {startdate}.</p>",
            "Hello {givenname},\n\nyour WiFi service at {venuename} (unit {unitid}) starts {startdate}.\n");
    static final EmailTemplate DEFAULT_END = new EmailTemplate("Your {venuename} {operatorname} WiFi service has ended",
            "<p>Hello {givenname},</p><p>your WiFi service at {venuename} (unit {unitid}) ended {enddate}.</p>",
            "Hello {givenname},\n\nyour WiFi service at {venuename} (unit {unitid}) ended {enddate}.\n");
    static final EmailTemplate DEFAULT_PASSWORD_LINK = new EmailTemplate("Set your {operatorname} WiFi password",
            "<p>Hello {givenname},</p><p>set your password here: <a href=\"{passwordlink}\">{passwordlink}</a></p>"
                    + "<p>The link works once, until {linkexpiry}.</p>",
            "Hello {givenname},\n\nset your password here: {passwordlink}\n\nThe link works once, until {linkexpiry}.\n");
    static final EmailTemplate DEFAULT_PASSWORD_LINK_ES = new EmailTemplate("Defina su contraseña de WiFi de {operatorname}",
            "<p>Hola {givenname}:</p><p>defina su contraseña aquí: <a href=\"{passwordlink}\">{passwordlink}</a></p>"
                    + "<p>El enlace funciona una sola vez, hasta {linkexpiry}.</p>",
            "Hola {givenname}:\n\ndefina su contraseña aquí: {passwordlink}\n\nEl enlace funciona una sola vez, hasta {linkexpiry}.\n");

    private final NotificationService notifications;
    private final OperatorSettingsService settings;
    private final NotificationProperties properties;

    SubscriberEmails(NotificationService notifications, OperatorSettingsService settings, NotificationProperties properties) {
        this.notifications = notifications;
        this.settings = settings;
        this.properties = properties;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriberPasswordLinkIssued e) {
        Subscriber subscriber = e.subscriber();
        Sections.Notifications n = settings.section(e.operatorId(), Section.NOTIFICATIONS);
        Sections.Email email = settings.section(e.operatorId(), Section.EMAIL);
        if (n.suppressSubscriberNotifications() || email.suppressSubscriberEmails() || !subscriber.contactByEmail()) {
            log.info("Password link for subscriber {} not queued: subscriber notifications or emails are suppressed, "
                    + "or the subscriber opted out", subscriber.id());
            return;
        }
        Sections.Profile profile = settings.section(e.operatorId(), Section.PROFILE);
        String locale = locale(e.operatorId(), email, subscriber.locale());
        Map<String, String> variables = new HashMap<>();
        variables.put("operatorname", profile.networkOperatorName());
        variables.put("operatoraddress", String.join(", ", profile.addressLine1(), profile.city(), profile.state()));
        variables.put("givenname", subscriber.givenName());
        variables.put("familyname", subscriber.familyName());
        variables.put("emailaddress", subscriber.email());
        variables.put("passwordlink", properties.subscriberPortalUrl().replaceAll("/+$", "") + "/subscriber/password?token=" + e.token());
        variables.put("linkexpiry", DATE.format(e.expiresAt()));
        EmailTemplate fallback = locale.startsWith("es") ? DEFAULT_PASSWORD_LINK_ES : DEFAULT_PASSWORD_LINK;
        EmailTemplate template = template(email.templates().get(locale), "SubscriberEvents", "PasswordLink", fallback);
        String from = n.emailFrom().isBlank() ? profile.emailAddress() : n.emailFrom();
        long id = notifications.queue(new EmailMessage(e.operatorId(), "PasswordLink", "subscriber:" + subscriber.id(),
                subscriber.email(), from, locale, template.render(variables),
                new Branding(email.brandColor(), profile.logoUrl(), profile.networkOperatorName()), Instant.EPOCH));
        log.info("Password link for subscriber {} queued as email {} ({})", subscriber.id(), id, locale);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionAdded e) {
        Sections.Notifications n = settings.section(e.operatorId(), Section.NOTIFICATIONS);
        if (n.sendSubscriptionAddedEmail()) {
            queue(e.subscription(), "WelcomeEmail", "NewSubscriber", DEFAULT_WELCOME,
                    e.addedAt().plus(Duration.ofHours(n.welcomeEmailCountdownHours())));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionEnded e) {
        Sections.Notifications n = settings.section(e.operatorId(), Section.NOTIFICATIONS);
        if (n.sendSubscriptionEndEmail()) {
            queue(e.subscription(), "SubscriptionEndEmail", "SubscriptionEnded", DEFAULT_END, Instant.EPOCH);
        }
    }

    private void queue(SubscriptionSnapshot snapshot, String kind, String variant, EmailTemplate fallback, Instant notBefore) {
        long operatorId = snapshot.operatorId();
        long subscriptionId = snapshot.subscriptionId();
        Sections.Notifications n = settings.section(operatorId, Section.NOTIFICATIONS);
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        if (n.suppressSubscriberNotifications() || email.suppressSubscriberEmails() || !snapshot.subscriber().contactByEmail()) {
            log.info("{} for subscription {} not queued: subscriber notifications or emails are suppressed, or the subscriber opted out",
                    kind, subscriptionId);
            return;
        }
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        String locale = locale(operatorId, email, snapshot.subscriber().locale());
        Map<String, String> variables = new HashMap<>();
        variables.put("venuename", snapshot.venue().name());
        variables.put("operatorname", profile.networkOperatorName());
        variables.put("operatoraddress", String.join(", ", profile.addressLine1(), profile.city(), profile.state()));
        variables.put("givenname", snapshot.subscriber().givenName());
        variables.put("familyname", snapshot.subscriber().familyName());
        variables.put("emailaddress", snapshot.subscriber().email());
        variables.put("unitid", snapshot.unit().name());
        variables.put("serviceplanid", snapshot.planKey());
        variables.put("startdate", DATE.format(snapshot.subscription().startsAt()));
        variables.put("enddate", snapshot.subscription().endsAt() == null ? "" : DATE.format(snapshot.subscription().endsAt()));
        EmailTemplate template = template(email.templates().get(locale), kind, variant, fallback);
        String from = n.emailFrom().isBlank() ? profile.emailAddress() : n.emailFrom();
        try {
            long id = notifications.queue(new EmailMessage(operatorId, kind, "subscription:" + subscriptionId,
                    snapshot.subscriber().email(), from, locale, template.render(variables),
                    new Branding(email.brandColor(), profile.logoUrl(), profile.networkOperatorName()), notBefore));
            log.info("{} for subscription {} queued as email {} ({})", kind, subscriptionId, id, locale);
        } catch (PorticoException invalidAddress) {
            // A missing EmailFrom must not undo the subscription change that caused the email.
            log.warn("{} for subscription {} not queued: {}", kind, subscriptionId, invalidAddress.getMessage());
        }
    }

    private String locale(long operatorId, Sections.Email email, String wanted) {
        if (email.templates().containsKey(wanted)) {
            return wanted;
        }
        Map<String, String> supported = settings.section(operatorId, Section.LOCALES).supported();
        return supported.containsKey(wanted) ? wanted : supported.keySet().stream().findFirst().orElse("en-us");
    }

    static EmailTemplate template(@org.jspecify.annotations.Nullable Map<String, Object> byKind, String kind, String variant, EmailTemplate fallback) {
        Map<?, ?> parts = byKind != null && byKind.get(kind) instanceof Map<?, ?> k && k.get(variant) instanceof Map<?, ?> v ? v : Map.of();
        return new EmailTemplate(part(parts, "Subject", fallback.subject()), part(parts, "HTML", fallback.html()),
                part(parts, "Text", fallback.text()));
    }

    private static String part(Map<?, ?> parts, String key, String fallback) {
        return parts.get(key) instanceof String s && !s.isBlank() ? s : fallback;
    }
}
