package io.portico.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portico.identity.Administrator;
import io.portico.operator.OperatorSettings;
import io.portico.operator.SecretName;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.platform.Role;
import io.portico.tenant.Client;
import io.portico.webhook.WebhookEndpoint;

/** Renders the operator configuration in the console's shapes (listOperatorDetails, listEmailTemplates). */
final class OperatorWire {

    static final String API_ENDPOINT_PATH = "/preview";
    static final String DYNAMIC_VARIABLES = "{operatorname}, {operatoraddress}, {operatoremail}, {operatorphone}, "
            + "{venuename}, {venueaddress}, {unitid}, {givenname}, {familyname}, {subscriberemail}, {ssid}, {psk}, "
            + "{serviceplanname}, {startdate}, {enddate}, {portalurl}, {supportemail}";

    private OperatorWire() {
    }

    static Map<String, Object> header(OperatorSettings s) {
        Sections.Profile p = s.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OperatorID", s.operatorKey());
        m.put("NetworkOperatorName", p.networkOperatorName());
        m.put("OperatorName", s.operatorName());
        m.put("Domain", p.domain());
        m.put("EmailDomain", p.emailDomain());
        m.put("DomainAlias", p.domainAlias());
        m.put("AddressLine1", p.addressLine1());
        m.put("AddressLine2", p.addressLine2());
        m.put("City", p.city());
        m.put("State", p.state());
        m.put("PostalCode", p.postalCode());
        m.put("Country", p.country());
        m.put("Country.ISO3166A3", p.country());
        m.put("PhoneNumber", p.phoneNumber());
        m.put("EmailAddress", p.emailAddress());
        return m;
    }

    static Map<String, Object> details(OperatorSettings s, List<Administrator> admins, List<ServicePlan> plans,
                                       List<Client> clients, WebhookEndpoint webhook, String apiEndpoint) {
        Map<String, Object> m = header(s);
        Map<String, Object> roles = new LinkedHashMap<>();
        for (Role role : List.of(Role.DOMAIN_ADMINISTRATORS, Role.SIEM_ADMINISTRATORS, Role.ACCOUNT_MANAGERS, Role.CUSTOMER_SUPPORT)) {
            List<String> emails = admins.stream().filter(a -> a.roles().contains(role) && !a.disabled())
                    .map(Administrator::email).sorted().toList();
            m.put(role.wireName(), emails);
            roles.put(role.wireName(), emails);
        }
        m.put("LogoPNG", s.profile().logoUrl());
        m.put("LogoPNG.URL", s.profile().logoUrl());
        m.put("Roles", roles);
        m.put("WebhookURL", webhook.url());
        m.put("SignOn", Map.of("Cognito", signOn(s)));
        Map<String, Object> realPage = new LinkedHashMap<>();
        realPage.put("RealPageURL", s.pms().realPageUrl());
        realPage.put("RealPageAPIKey", s.masked(SecretName.PMS_API_KEY));
        realPage.put("enableRealPageSync", s.pms().realPageSync());
        m.put("PMS", Map.of("RealPage", realPage));
        m.put("ServicePlanConfiguration", planDefaults(s.planDefaults()));
        m.put("NetworkConfiguration", network(s));
        m.put("Notifications", notifications(s.notifications()));
        Map<String, Object> reporting = new LinkedHashMap<>();
        reporting.put("ReportingSubscriptionEnd_lookahead_hours", s.reporting().subscriptionEndLookaheadHours());
        reporting.put("ReportingSubscriptionEnd_frequency_hours", s.reporting().subscriptionEndFrequencyHours());
        m.put("Reporting", reporting);
        m.put("ShoppingCart", shoppingCart(s));
        m.put("TandC", tandc(s));
        m.put("DisplayOptionID", s.profile().displayOptionId());
        m.put("DisplayConfiguration", s.display());
        m.put("PMG", pmg(s, plans, clients));
        m.put("Certificates", s.certificates().stream().map(c -> {
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("Domain", c.domain());
            cert.put("Name", c.name());
            cert.put("ValidationStatus", c.validationStatus());
            return cert;
        }).toList());
        m.put("SupportedLocales", s.supportedLocales());
        m.put("APIEndPoint", apiEndpoint);
        Map<String, Object> docs = new LinkedHashMap<>();
        docs.put("OperatorConsole", apiEndpoint.replaceFirst("/preview$", "") + "/swagger-ui.html");
        docs.put("NetworkOperatorConsole", apiEndpoint.replaceFirst("/preview$", "") + "/swagger-ui.html");
        docs.put("SubscriberConsole", apiEndpoint.replaceFirst("/preview$", "") + "/swagger-ui.html");
        docs.put("VenueManagementConsole", apiEndpoint.replaceFirst("/preview$", "") + "/swagger-ui.html");
        m.put("APIDoc", docs);
        m.put("errorProcessing", false);
        return m;
    }

    static Map<String, Object> emailTemplates(OperatorSettings s) {
        Map<String, Object> m = header(s);
        m.put("LogoPNG", s.profile().logoUrl());
        m.put("LogoPNG.URL", s.profile().logoUrl());
        Sections.Notifications n = s.notifications();
        Sections.Email e = s.email();
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("WelcomeEmail_countdown_hours", n.welcomeEmailCountdownHours());
        notes.put("sendSubscriptionAddedEmail", n.sendSubscriptionAddedEmail());
        notes.put("sendSubscriptionEndEmail", n.sendSubscriptionEndEmail());
        notes.put("supressSubscriberNotifications", n.suppressSubscriberNotifications());
        notes.put("SES", null);
        notes.put("EmailFrom", n.emailFrom());
        notes.put("EmailFromARN", e.emailFromArn());
        notes.put("supressSubscriberEmails", e.suppressSubscriberEmails());
        notes.put("DomainAliasDkimStatus", e.dkimStatus());
        notes.put("DkimLastKeyGenerationTimestamp", e.dkimLastKeyGeneration());
        notes.put("DkimAttributes", e.dkimAttributes());
        notes.put("DomainAliasMailboxVerified", n.mailboxVerified());
        notes.put("TandC", null);
        notes.putAll(tandc(s));
        m.put("Notifications", notes);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("brandcolor", e.brandColor());
        s.supportedLocales().keySet().forEach(locale -> config.put(locale, e.templates().getOrDefault(locale, Map.of())));
        m.put("EmailConfiguration", config);
        m.put("SupportedLocales", s.supportedLocales());
        m.put("DynamicVariables", DYNAMIC_VARIABLES);
        m.put("errorProcessing", false);
        return m;
    }

    static Map<String, Object> signOn(OperatorSettings s) {
        Map<String, Object> cognito = new LinkedHashMap<>();
        cognito.put("CognitoPool", s.signOn().cognitoPool());
        cognito.put("CognitoPool_Domain", s.signOn().cognitoPoolDomain());
        cognito.put("CognitoPool_appclientid", s.signOn().appClientId());
        cognito.put("CognitoPool_appclientsecret", s.masked(SecretName.SIGNON_CLIENT_SECRET));
        cognito.put("CognitoPool_IdentityProviders", Map.of("SAML", new LinkedHashMap<>(s.signOn().samlProviders())));
        return cognito;
    }

    static Map<String, Object> planDefaults(Sections.PlanDefaults d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DefaultServicePlanID_GlobalWirelessPlusLocalWiredAccess", d.wiredPlusWirelessPlanId());
        m.put("DefaultServicePlanID_LocalWirelessAccess", d.localWirelessPlanId());
        return m;
    }

    static Map<String, Object> network(OperatorSettings s) {
        Sections.Network n = s.network();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MinimumAutoGeneratedVLAN_GlobalWirelessPlusLocalWiredAccess", n.wiredPlusWireless().min());
        m.put("MaximumAutoGeneratedVLAN_GlobalWirelessPlusLocalWiredAccess", n.wiredPlusWireless().max());
        m.put("MinimumAutoGeneratedVLAN_LocalWirelessAccess", n.localWireless().min());
        m.put("MaximumAutoGeneratedVLAN_LocalWirelessAccess", n.localWireless().max());
        m.put("MinimumAutoGeneratedVLAN_GlobalWirelessRoaming", n.roaming().min());
        m.put("MaximumAutoGeneratedVLAN_GlobalWirelessRoaming", n.roaming().max());
        m.put("CustomPSK", n.customPsk());
        m.put("allowOverlappingSubscriptionWiredUnit", n.allowOverlappingSubscriptions());
        m.put("SourceIPRangeWhiteList", n.sourceIpAllowList());
        Map<String, Object> radius = new LinkedHashMap<>();
        radius.put("RadiusServerIP", n.radius().serverIp());
        radius.put("AuthenticationPort", n.radius().authenticationPort());
        radius.put("AccountingPort", n.radius().accountingPort());
        radius.put("RadiusSecret", s.masked(SecretName.RADIUS_SECRET));
        m.put("Radius", radius);
        m.put("DefaultVenueConfiguration", planDefaults(s.planDefaults()));
        m.put("GlobalSSID", n.globalSsids());
        m.put("RoamingSSID", n.roamingSsids());
        return m;
    }

    static Map<String, Object> notifications(Sections.Notifications n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("WelcomeEmail_countdown_hours", n.welcomeEmailCountdownHours());
        m.put("sendSubscriptionAddedEmail", n.sendSubscriptionAddedEmail());
        m.put("sendSubscriptionEndEmail", n.sendSubscriptionEndEmail());
        m.put("supressSubscriberNotifications", n.suppressSubscriberNotifications());
        m.put("Pinpoint", Map.of("PinpointID", n.pinpointId()));
        Map<String, Object> ses = new LinkedHashMap<>();
        ses.put("EmailFrom", n.emailFrom());
        ses.put("DomainAliasMailboxVerified", n.mailboxVerified());
        m.put("SES", ses);
        m.put("SNS", Map.of("SMSConsolePhoneNumber", n.smsPhoneNumber()));
        return m;
    }

    static Map<String, Object> shoppingCart(OperatorSettings s) {
        Sections.ShoppingCart c = s.shoppingCart();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enableShoppingCart", c.enabled());
        m.put("ShoppingCartShortURL", c.shortUrl());
        Map<String, Object> stripe = new LinkedHashMap<>();
        stripe.put("StripePublishableKey", s.masked(SecretName.STRIPE_PUBLISHABLE_KEY));
        stripe.put("StripeWebHookURL", c.stripeWebhookUrl());
        stripe.put("Stripe_Webhook_signingsecret", s.masked(SecretName.STRIPE_SIGNING_SECRET));
        stripe.put("Stripe_allowrefund", c.stripeAllowRefund());
        m.put("Stripe", stripe);
        m.put("MaximumTrialCyclesPerSubscriber", c.maxTrialCyclesPerSubscriber());
        m.put("MaximumFreeEnrollmentsPerSubscriber", c.maxFreeEnrollmentsPerSubscriber());
        return m;
    }

    /** T&amp;C per supported locale ("" where none is set yet), so every locale has its key. */
    static Map<String, Object> tandc(OperatorSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.supportedLocales().keySet().forEach(locale -> m.put(locale, s.termsAndConditions().getOrDefault(locale, "")));
        return m;
    }

    static Map<String, Object> pmg(OperatorSettings s, List<ServicePlan> plans, List<Client> clients) {
        String configured = s.profile().propertyManagementGroupId();
        Client client = clients.stream().filter(c -> c.key().equals(configured)).findFirst()
                .orElse(clients.isEmpty() ? null : clients.getFirst());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", null);
        m.put("PropertyManagementGroupID", client == null ? "" : client.key());
        m.put("PropertyManagementGroupName", client == null ? "" : client.company());
        List<Object> rendered = new ArrayList<>();
        plans.forEach(p -> rendered.add(PlanWire.render(p)));
        m.put("ServicePlans", rendered);
        return m;
    }
}
