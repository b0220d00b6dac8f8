package io.portico.operator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * The operator configuration sections as plain values, each validating itself. Errors name the
 * field at fault in Java terms ({@code brandColor}); the console says them in its own words.
 */
public final class Sections {

    private Sections() {
    }

    /** Branding and contact details (the top of listOperatorDetails). */
    public record Profile(String networkOperatorName, String domain, String emailDomain, String domainAlias,
                          String addressLine1, String addressLine2, String city, String state, String postalCode,
                          String country, String phoneNumber, String emailAddress, String logoUrl,
                          String displayOptionId, String propertyManagementGroupId) {
        public Profile {
            networkOperatorName = text("networkOperatorName", networkOperatorName, 200);
            domain = text("domain", domain, 253);
            emailDomain = text("emailDomain", emailDomain, 253);
            domainAlias = text("domainAlias", domainAlias, 253);
            addressLine1 = text("addressLine1", addressLine1, 200);
            addressLine2 = text("addressLine2", addressLine2, 200);
            city = text("city", city, 100);
            state = text("state", state, 100);
            postalCode = text("postalCode", postalCode, 20);
            country = text("countryCode", country, 10).toUpperCase(Locale.ROOT);
            phoneNumber = text("phoneNumber", phoneNumber, 20);
            emailAddress = text("email", emailAddress, 254);
            if (!emailAddress.isEmpty() && !emailAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw PorticoException.invalid("email", "{email} is not a valid email address.");
            }
            logoUrl = url("logoUrl", logoUrl);
            displayOptionId = text("displayOptionId", displayOptionId, 400);
            propertyManagementGroupId = text("propertyManagementGroupId", propertyManagementGroupId, 200);
        }
    }

    /** The identity provider for administrator and subscriber sign-on; the client secret is a {@link SecretName}. */
    public record SignOn(String cognitoPool, String cognitoPoolDomain, String appClientId, Map<String, String> samlProviders) {
        public SignOn {
            cognitoPool = text("cognitoPool", cognitoPool, 200);
            cognitoPoolDomain = text("cognitoPoolDomain", cognitoPoolDomain, 253);
            appClientId = text("appClientId", appClientId, 200);
            samlProviders = Map.copyOf(samlProviders);
            samlProviders.forEach((name, url) -> text("samlProviders." + name, url, 2000));
        }
    }

    /** The property management system link (RealPage); the API key is a {@link SecretName}. */
    public record Pms(String realPageUrl, boolean realPageSync) {
        public Pms {
            realPageUrl = text("realPageUrl", realPageUrl, 2000);
        }
    }

    /** Default plans for new venues, by access type (ServicePlanConfiguration). */
    public record PlanDefaults(String wiredPlusWirelessPlanId, String localWirelessPlanId) {
        public PlanDefaults {
            wiredPlusWirelessPlanId = text("wiredPlusWirelessPlanId", wiredPlusWirelessPlanId, 400);
            localWirelessPlanId = text("localWirelessPlanId", localWirelessPlanId, 400);
        }
    }

    /** An inclusive VLAN range for automatically assigned unit VLANs (1..4095 as the console allows). */
    public record VlanRange(int min, int max) {
        public VlanRange {
            if (min < 1 || max > 4095 || min > max) {
                throw PorticoException.invalid("vlanRange", "VLAN range " + min + ".." + max
                        + " is invalid: minimum and maximum must be within 1..4095 and minimum at most maximum.");
            }
        }
    }

    /** Where gateways reach Portico's RADIUS server; the shared secret is a {@link SecretName}. */
    public record Radius(String serverIp, String authenticationPort, String accountingPort) {
        public Radius {
            serverIp = text("radiusServerIp", serverIp, 64);
            authenticationPort = port("authenticationPort", authenticationPort);
            accountingPort = port("accountingPort", accountingPort);
        }
    }

    /** Network rules: VLAN ranges per unit purpose, PSK and overlap rules, allow-list, RADIUS, SSIDs. */
    public record Network(VlanRange wiredPlusWireless, VlanRange localWireless, VlanRange roaming, boolean customPsk,
                          boolean allowOverlappingSubscriptions, List<String> sourceIpAllowList, Radius radius,
                          List<String> globalSsids, List<String> roamingSsids) {
        public Network {
            sourceIpAllowList = List.copyOf(sourceIpAllowList);
            for (String cidr : sourceIpAllowList) {
                if (!cidr.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                    throw PorticoException.invalid("sourceIpAllowList", "{sourceIpAllowList} entry '" + cidr
                            + "' is not an IP address or CIDR range.");
                }
            }
            globalSsids = ssids("globalSsids", globalSsids);
            roamingSsids = ssids("roamingSsids", roamingSsids);
        }

        private static List<String> ssids(String field, List<String> ssids) {
            for (String ssid : ssids) {
                if (ssid.isBlank() || ssid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32) {
                    throw PorticoException.invalid(field, PorticoException.ref(field) + " entries must be 1 to 32 bytes long.");
                }
            }
            return List.copyOf(ssids);
        }
    }

    /** Subscriber notifications: which emails go out and from where. */
    public record Notifications(int welcomeEmailCountdownHours, boolean sendSubscriptionAddedEmail,
                                boolean sendSubscriptionEndEmail, boolean suppressSubscriberNotifications,
                                String pinpointId, String emailFrom, boolean mailboxVerified, String smsPhoneNumber) {
        public Notifications {
            if (welcomeEmailCountdownHours < 0 || welcomeEmailCountdownHours > 8760) {
                throw PorticoException.invalid("welcomeEmailCountdownHours", "{welcomeEmailCountdownHours} must be between 0 and 8760.");
            }
            pinpointId = text("pinpointId", pinpointId, 100);
            emailFrom = text("emailFrom", emailFrom, 254);
            smsPhoneNumber = text("smsPhoneNumber", smsPhoneNumber, 16);
            if (!smsPhoneNumber.isEmpty() && !smsPhoneNumber.matches("\\+[1-9]\\d{1,14}")) {
                throw PorticoException.invalid("smsPhoneNumber", "{smsPhoneNumber} must be an E.164 number such as +15551234567.");
            }
        }
    }

    /** How far ahead and how often the subscription-end report looks. */
    public record Reporting(int subscriptionEndLookaheadHours, int subscriptionEndFrequencyHours) {
        public Reporting {
            if (subscriptionEndLookaheadHours < 0 || subscriptionEndLookaheadHours > 87_600) {
                throw PorticoException.invalid("subscriptionEndLookaheadHours", "{subscriptionEndLookaheadHours} must be between 0 and 87600.");
            }
            if (subscriptionEndFrequencyHours < 1 || subscriptionEndFrequencyHours > 87_600) {
                throw PorticoException.invalid("subscriptionEndFrequencyHours", "{subscriptionEndFrequencyHours} must be between 1 and 87600.");
            }
        }
    }

    /** Online sign-up and payment; Stripe's keys are {@link SecretName}s. -1 means unlimited. */
    public record ShoppingCart(boolean enabled, String shortUrl, String stripeWebhookUrl, boolean stripeAllowRefund,
                               int maxTrialCyclesPerSubscriber, int maxFreeEnrollmentsPerSubscriber) {
        public ShoppingCart {
            shortUrl = text("shortUrl", shortUrl, 2000);
            stripeWebhookUrl = text("stripeWebhookUrl", stripeWebhookUrl, 2000);
            if (maxTrialCyclesPerSubscriber < -1 || maxFreeEnrollmentsPerSubscriber < -1) {
                throw PorticoException.invalid("shoppingCart", "{maxTrialCyclesPerSubscriber} and {maxFreeEnrollmentsPerSubscriber} must be -1 (unlimited) or more.");
            }
        }
    }

    /**
     * PayPal checkout for guests: whether the portal offers it and whether the operator's REST app
     * is a sandbox one (test mode: Portico talks to PayPal's sandbox). The client id, client secret
     * and webhook id are {@link SecretName}s.
     */
    public record PayPal(boolean enabled, boolean sandbox) {
    }

    /** A domain certificate the operator's console and email domains use. */
    public record Certificate(String domain, String name, String validationStatus) {
        public Certificate {
            domain = text("certificateDomain", domain, 253);
            name = text("certificateName", name, 300);
            validationStatus = text("validationStatus", validationStatus, 40);
        }
    }

    /** Email sending details and templates per locale (a template is a tree of strings). */
    public record Email(String brandColor, String emailFromArn, boolean suppressSubscriberEmails, String dkimStatus,
                        String dkimLastKeyGeneration, List<String> dkimAttributes,
                        Map<String, Map<String, Object>> templates) {
        public Email {
            brandColor = text("brandColor", brandColor, 7);
            if (!brandColor.isEmpty() && !brandColor.matches("#[0-9A-Fa-f]{6}")) {
                throw PorticoException.invalid("brandColor", "{brandColor} must be a colour such as #1A2B3C.");
            }
            emailFromArn = text("emailFromArn", emailFromArn, 400);
            dkimStatus = text("dkimStatus", dkimStatus, 40);
            dkimLastKeyGeneration = text("dkimLastKeyGeneration", dkimLastKeyGeneration, 40);
            dkimAttributes = List.copyOf(dkimAttributes);
            templates = Map.copyOf(templates);
        }
    }

    /**
     * Where the operator works: the IANA time zone its staff read times in (the dashboard's logs and
     * reports default to it). Kept apart from {@link Profile} so the console's wire shape of the
     * profile stays as it is.
     */
    public record Locality(String timeZone) {
        public Locality {
            timeZone = text("timeZone", timeZone, 64);
            if (!timeZone.isEmpty()) {
                try {
                    timeZone = java.time.ZoneId.of(timeZone).getId();
                } catch (java.time.DateTimeException e) {
                    throw PorticoException.invalid("timeZone", "{timeZone} '" + timeZone
                            + "' is not a time zone; use an IANA name such as America/New_York.");
                }
            }
        }

        /** The zone, UTC when none was chosen. */
        public java.time.ZoneId zone() {
            return timeZone.isEmpty() ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timeZone);
        }
    }

    /** Locale codes such as {@code en-us} with their display names. */
    public static String locale(@Nullable String code) {
        if (code == null || !code.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw PorticoException.invalid("locale", "{locale} '" + code + "' must be a lower-case code such as en-us.");
        }
        return code;
    }

    static String text(String field, @Nullable String value, int max) {
        return Text.atMost(field, value, max);
    }

    static String url(String field, @Nullable String value) {
        String v = text(field, value, 2000);
        if (!v.isEmpty() && !v.matches("(?i)https?://\\S+")) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be an http or https URL.");
        }
        return v;
    }

    private static String port(String field, @Nullable String value) {
        String v = text(field, value, 5);
        if (!v.isEmpty() && (!v.matches("\\d{1,5}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 65535)) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be a port number between 1 and 65535.");
        }
        return v;
    }
}
