package io.portico.notification;

/**
 * The emails whose wording an operator writes, with where each lives in the operator's
 * EmailConfiguration templates ({@code WelcomeEmail.NewSubscriber.Subject}, ...). The dashboard's
 * email templates page edits and previews them.
 */
public enum EmailKind {
    WELCOME("WelcomeEmail", "NewSubscriber"),
    SUBSCRIPTION_END("SubscriptionEndEmail", "SubscriptionEnded"),
    PASSWORD_LINK("SubscriberEvents", "PasswordLink");

    private final String group;
    private final String variant;

    EmailKind(String group, String variant) {
        this.group = group;
        this.variant = variant;
    }

    /** The first key under a locale's templates ({@code WelcomeEmail}). */
    public String group() {
        return group;
    }

    /** The second key ({@code NewSubscriber}), whose object holds Subject, HTML and Text. */
    public String variant() {
        return variant;
    }
}
