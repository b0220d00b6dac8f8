package io.portico.notification.internal;

import io.portico.notification.EmailKind;
import io.portico.notification.EmailTemplate;

/** Portico's own wording of each email, used where the operator wrote none (and shown by the preview). */
public final class DefaultEmailTemplates {

    private DefaultEmailTemplates() {
    }

    public static EmailTemplate of(EmailKind kind, String locale) {
        return switch (kind) {
            case WELCOME -> SubscriberEmails.DEFAULT_WELCOME;
            case SUBSCRIPTION_END -> SubscriberEmails.DEFAULT_END;
            case PASSWORD_LINK -> locale.startsWith("es") ? SubscriberEmails.DEFAULT_PASSWORD_LINK_ES : SubscriberEmails.DEFAULT_PASSWORD_LINK;
        };
    }
}
