package io.portico.console.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Updates of the operator configuration, one route per section of listOperatorDetails, using
 * the same keys. Only the fields given change (a body with none is a 400); secrets are write-only.
 * DomainAdministrators only.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/operator")
@Tag(name = "Console: operator settings")
class OperatorSettingsController {

    private final OperatorSettingsService settings;
    private final WebhookService webhooks;
    private final JsonMapper json;

    OperatorSettingsController(OperatorSettingsService settings, WebhookService webhooks, JsonMapper json) {
        this.settings = settings;
        this.webhooks = webhooks;
        // The settings were read field by field, refusing a number or boolean where a string belongs;
        // the shared mapper coerces those to text, so these records bind with that coercion off.
        this.json = json.rebuild().withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)).build();
    }

    @PostMapping("/configureOperatorProfile")
    @Operation(summary = "Sets branding and contact details", description = "Keys as in listOperatorDetails.")
    Map<String, Object> profile(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Profile.class) ObjectNode body) {
        SettingsBody.Profile f = read(actor, body, SettingsBody.Profile.class);
        Sections.Profile p = settings.section(actor.operatorId(), Section.PROFILE);
        settings.update(actor, Section.PROFILE, new Sections.Profile(or(f.networkOperatorName(), p.networkOperatorName()),
                or(f.domain(), p.domain()), or(f.emailDomain(), p.emailDomain()), or(f.domainAlias(), p.domainAlias()),
                or(f.addressLine1(), p.addressLine1()), or(f.addressLine2(), p.addressLine2()), or(f.city(), p.city()),
                or(f.state(), p.state()), or(f.postalCode(), p.postalCode()), or(f.country(), p.country()),
                or(f.phoneNumber(), p.phoneNumber()), or(f.emailAddress(), p.emailAddress()), or(f.logoUrl(), p.logoUrl()),
                or(f.displayOptionId(), p.displayOptionId()), or(f.propertyManagementGroupId(), p.propertyManagementGroupId())),
                Map.of());
        return done("OperatorProfile");
    }

    @PostMapping("/configureNetworkConfiguration")
    @Operation(summary = "Sets VLAN ranges, PSK and overlap rules, the source IP allow-list, RADIUS and SSIDs",
            description = "Keys as listOperatorDetails' NetworkConfiguration; Radius.RadiusSecret is write-only. Ranges within 1..4095, min <= max.")
    Map<String, Object> network(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Network.class) ObjectNode body) {
        SettingsBody.Network f = read(actor, body, SettingsBody.Network.class);
        Sections.Network n = settings.network(actor.operatorId());
        Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
        Sections.Radius radius = n.radius();
        SettingsBody.Radius r = f.radius();
        if (r != null) {
            radius = new Sections.Radius(or(r.serverIp(), radius.serverIp()),
                    or(r.authenticationPort(), radius.authenticationPort()), or(r.accountingPort(), radius.accountingPort()));
            secret(secrets, SecretName.RADIUS_SECRET, r.secret());
        }
        settings.update(actor, Section.NETWORK, new Sections.Network(
                range(f.wiredPlusWirelessMin(), f.wiredPlusWirelessMax(), n.wiredPlusWireless()),
                range(f.localWirelessMin(), f.localWirelessMax(), n.localWireless()),
                range(f.roamingMin(), f.roamingMax(), n.roaming()), or(f.customPsk(), n.customPsk()),
                or(f.allowOverlappingSubscriptions(), n.allowOverlappingSubscriptions()),
                or(f.sourceIpAllowList(), n.sourceIpAllowList()), radius, or(f.globalSsids(), n.globalSsids()),
                or(f.roamingSsids(), n.roamingSsids())), secrets);
        return done("NetworkConfiguration");
    }

    @PostMapping("/configureSignOn")
    @Operation(summary = "Sets the identity provider (keys of SignOn.Cognito; CognitoPool_appclientsecret is write-only)")
    Map<String, Object> signOn(Actor actor, @RequestBody @Schema(implementation = SettingsBody.SignOn.class) ObjectNode body) {
        SettingsBody.SignOn f = read(actor, body, SettingsBody.SignOn.class);
        Sections.SignOn s = settings.section(actor.operatorId(), Section.SIGN_ON);
        Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
        secret(secrets, SecretName.SIGNON_CLIENT_SECRET, f.appClientSecret());
        settings.update(actor, Section.SIGN_ON, new Sections.SignOn(or(f.cognitoPool(), s.cognitoPool()),
                or(f.cognitoPoolDomain(), s.cognitoPoolDomain()), or(f.appClientId(), s.appClientId()),
                or(texts(f.samlProviders()), s.samlProviders())), secrets);
        return done("SignOn");
    }

    @PostMapping("/configurePMS")
    @Operation(summary = "Sets the RealPage link (RealPageURL, enableRealPageSync; RealPageAPIKey is write-only)")
    Map<String, Object> pms(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Pms.class) ObjectNode body) {
        SettingsBody.Pms f = read(actor, body, SettingsBody.Pms.class);
        Sections.Pms p = settings.section(actor.operatorId(), Section.PMS);
        Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
        secret(secrets, SecretName.PMS_API_KEY, f.realPageApiKey());
        settings.update(actor, Section.PMS, new Sections.Pms(or(f.realPageUrl(), p.realPageUrl()),
                or(f.realPageSync(), p.realPageSync())), secrets);
        return done("PMS");
    }

    @PostMapping("/configureServicePlanConfiguration")
    @Operation(summary = "Sets the default plans (each must be a ServicePlanID of this operator, or empty)")
    Map<String, Object> planDefaults(Actor actor, @RequestBody @Schema(implementation = SettingsBody.PlanDefaults.class) ObjectNode body) {
        SettingsBody.PlanDefaults f = read(actor, body, SettingsBody.PlanDefaults.class);
        Sections.PlanDefaults d = settings.section(actor.operatorId(), Section.PLAN_DEFAULTS);
        settings.update(actor, Section.PLAN_DEFAULTS, new Sections.PlanDefaults(
                or(f.wiredPlusWirelessPlanId(), d.wiredPlusWirelessPlanId()),
                or(f.localWirelessPlanId(), d.localWirelessPlanId())), Map.of());
        return done("ServicePlanConfiguration");
    }

    @PostMapping("/configureNotifications")
    @Operation(summary = "Sets subscriber notifications (keys of Notifications; PinpointID, EmailFrom, "
            + "DomainAliasMailboxVerified, SMSConsolePhoneNumber flat)")
    Map<String, Object> notifications(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Notifications.class) ObjectNode body) {
        SettingsBody.Notifications f = read(actor, body, SettingsBody.Notifications.class);
        Sections.Notifications n = settings.section(actor.operatorId(), Section.NOTIFICATIONS);
        settings.update(actor, Section.NOTIFICATIONS, new Sections.Notifications(
                or(f.welcomeEmailCountdownHours(), n.welcomeEmailCountdownHours()),
                or(f.sendSubscriptionAddedEmail(), n.sendSubscriptionAddedEmail()),
                or(f.sendSubscriptionEndEmail(), n.sendSubscriptionEndEmail()),
                or(f.suppressSubscriberNotifications(), n.suppressSubscriberNotifications()),
                or(f.pinpointId(), n.pinpointId()), or(f.emailFrom(), n.emailFrom()),
                or(f.mailboxVerified(), n.mailboxVerified()), or(f.smsPhoneNumber(), n.smsPhoneNumber())), Map.of());
        return done("Notifications");
    }

    @PostMapping("/configureReporting")
    @Operation(summary = "Sets the subscription-end report's look-ahead and frequency in hours")
    Map<String, Object> reporting(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Reporting.class) ObjectNode body) {
        SettingsBody.Reporting f = read(actor, body, SettingsBody.Reporting.class);
        Sections.Reporting r = settings.section(actor.operatorId(), Section.REPORTING);
        settings.update(actor, Section.REPORTING, new Sections.Reporting(
                or(f.lookaheadHours(), r.subscriptionEndLookaheadHours()),
                or(f.frequencyHours(), r.subscriptionEndFrequencyHours())), Map.of());
        return done("Reporting");
    }

    @PostMapping("/configureShoppingCart")
    @Operation(summary = "Sets the shopping cart and Stripe (StripePublishableKey, StripeSecretKey and Stripe_Webhook_signingsecret are write-only)")
    Map<String, Object> shoppingCart(Actor actor, @RequestBody @Schema(implementation = SettingsBody.ShoppingCart.class) ObjectNode body) {
        SettingsBody.ShoppingCart f = read(actor, body, SettingsBody.ShoppingCart.class);
        Sections.ShoppingCart c = settings.section(actor.operatorId(), Section.SHOPPING_CART);
        Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
        String webhookUrl = c.stripeWebhookUrl();
        boolean refund = c.stripeAllowRefund();
        SettingsBody.Stripe s = f.stripe();
        if (s != null) {
            secret(secrets, SecretName.STRIPE_PUBLISHABLE_KEY, s.publishableKey());
            secret(secrets, SecretName.STRIPE_SIGNING_SECRET, s.signingSecret());
            if (s.secretKey() != null && !s.secretKey().isBlank() && !s.secretKey().strip().matches("(sk|rk)_(test|live)_\\S+")) {
                throw PorticoException.invalid("StripeSecretKey", "StripeSecretKey must be a Stripe secret key (sk_test_... or sk_live_...).");
            }
            secret(secrets, SecretName.STRIPE_SECRET_KEY, s.secretKey());
            webhookUrl = or(s.webhookUrl(), webhookUrl);
            refund = or(s.allowRefund(), refund);
        }
        settings.update(actor, Section.SHOPPING_CART, new Sections.ShoppingCart(or(f.enabled(), c.enabled()),
                or(f.shortUrl(), c.shortUrl()), webhookUrl, refund,
                or(f.maxTrialCyclesPerSubscriber(), c.maxTrialCyclesPerSubscriber()),
                or(f.maxFreeEnrollmentsPerSubscriber(), c.maxFreeEnrollmentsPerSubscriber())), secrets);
        return done("ShoppingCart");
    }

    @PostMapping("/configureSupportedLocales")
    @Operation(summary = "Replaces the supported locales (SupportedLocales: code to name, e.g. en-us: English (US))")
    Map<String, Object> locales(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Locales.class) ObjectNode body) {
        SettingsBody.Locales f = read(actor, body, SettingsBody.Locales.class);
        settings.update(actor, Section.LOCALES, new Section.Locales(texts(f.supportedLocales())), Map.of());
        return done("SupportedLocales");
    }

    @PostMapping("/configureDisplayConfiguration")
    @Operation(summary = "Replaces the display configuration object read by the portals (DisplayConfiguration)")
    Map<String, Object> display(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Display.class) ObjectNode body) {
        SettingsBody.Display f = read(actor, body, SettingsBody.Display.class);
        settings.update(actor, Section.DISPLAY, new Section.Display(f.displayConfiguration()), Map.of());
        return done("DisplayConfiguration");
    }

    @PostMapping("/configureCertificates")
    @Operation(summary = "Replaces the list of domain certificates (Domain, Name, ValidationStatus)")
    Map<String, Object> certificates(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Certificates.class) ObjectNode body) {
        SettingsBody.Certificates f = read(actor, body, SettingsBody.Certificates.class);
        List<Sections.Certificate> certificates = new ArrayList<>();
        for (SettingsBody.Certificate c : f.certificates()) {
            if (c == null) {
                throw PorticoException.invalid("Certificates", "Certificates entries must be objects.");
            }
            certificates.add(new Sections.Certificate(c.domain(), c.name(), c.validationStatus()));
        }
        settings.update(actor, Section.CERTIFICATES, new Section.Certificates(certificates), Map.of());
        return done("Certificates");
    }

    @PostMapping("/configureEmailTemplates")
    @Operation(summary = "Replaces the email templates of one supported locale, or sets only brandcolor",
            description = "locale, Templates (an object of objects and strings, e.g. WelcomeEmail.NewSubscriber.Subject), optional brandcolor. "
                    + "Without Templates the locale's templates stay. Texts with active content are rejected as in configureTandC.")
    Map<String, Object> emailTemplates(Actor actor, @RequestBody @Schema(implementation = SettingsBody.EmailTemplates.class) ObjectNode body) {
        SettingsBody.EmailTemplates f = read(actor, body, SettingsBody.EmailTemplates.class);
        if (f.templates() == null && f.brandColor() == null) {
            // locale only chooses which templates; alone it changes nothing.
            throw PorticoException.invalid("Nothing to change: give Templates or brandcolor with the locale.");
        }
        settings.configureEmailTemplates(actor, f.locale(), f.templates(), f.brandColor());
        return done("EmailConfiguration");
    }

    @PostMapping("/configureWebhook")
    @Operation(summary = "Sets the WebhookURL and, when given, the webhook signing secret (write-only; empty removes it) "
            + "and WebhookAllowPrivateTargets (deliveries to private, loopback and link-local addresses; false by default)",
            description = "Fields left out keep their value; \"\" as WebhookURL turns webhooks off.")
    Map<String, Object> webhook(Actor actor, @RequestBody @Schema(implementation = SettingsBody.Webhook.class) ObjectNode body) {
        SettingsBody.Webhook f = read(actor, body, SettingsBody.Webhook.class);
        webhooks.configure(actor, f.url(), f.signingSecret(), f.allowPrivateTargets());
        return done("WebhookURL");
    }

    /**
     * Binds the body strictly to the route's request record, after the role check so a forbidden
     * caller learns nothing about the fields; a body that gives no field at all is a 400, never a
     * silent reset.
     */
    private <T extends Record> T read(Actor actor, ObjectNode body, Class<T> type) {
        actor.require(Permission.MANAGE_OPERATOR);
        T request = json.treeToValue(body, type);
        if (nothingGiven(request)) {
            throw PorticoException.invalid("Nothing to change: give at least one of " + String.join(", ", fieldNames(type)) + ".");
        }
        return request;
    }

    private static boolean nothingGiven(@Nullable Object value) {
        if (value == null) {
            return true;
        }
        if (!(value instanceof Record record)) {
            return false;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                if (!nothingGiven(component.getAccessor().invoke(record))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    private static List<String> fieldNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty property = component.getAnnotation(JsonProperty.class);
            names.add(property == null ? component.getName() : property.value());
        }
        return names;
    }

    /** A string map as sent, with null values read as "" (as the section stores them). */
    private static @Nullable Map<String, String> texts(@Nullable Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, value == null ? "" : value));
        return out;
    }

    private static Sections.VlanRange range(@Nullable Integer min, @Nullable Integer max, Sections.VlanRange current) {
        return new Sections.VlanRange(or(min, current.min()), or(max, current.max()));
    }

    private static void secret(Map<SecretName, String> secrets, SecretName name, @Nullable String value) {
        if (value != null) {
            secrets.put(name, value.strip());
        }
    }

    private static <T> T or(@Nullable T given, T current) {
        return given != null ? given : current;
    }

    private static Map<String, Object> done(String section) {
        return Map.of("message", "Updated " + section + ". ", "errorProcessing", false);
    }
}
