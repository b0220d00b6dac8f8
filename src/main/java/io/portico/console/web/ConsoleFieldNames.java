package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The console's names for the domain's fields: the one place a module's field name
 * ({@code endsAt}) becomes the console's wire name ({@code EndDateTimeUTC.ISO8601}) in errors.
 * {@link ConsoleErrorFormat} applies it to every error; names it does not list are the console's
 * own (thrown by its controllers) and pass unchanged.
 */
public final class ConsoleFieldNames {

    static final Map<String, String> WIRE = Map.ofEntries(
            // identity and tenant
            Map.entry("email", "EmailAddress"),
            // Self sign-up (subscriber console pages; the pages show their own texts for these).
            Map.entry("signupCode", "SignupCode"),
            Map.entry("unit", "UnitNumber"),
            Map.entry("plan", "ServicePlanID"),
            Map.entry("payment", "Payment"),
            Map.entry("terms", "TandC"),
            Map.entry("account", "EmailAddress"),
            Map.entry("freeLimit", "MaximumFreeEnrollmentsPerSubscriberPerVenue"),
            Map.entry("trialLimit", "MaximumTrialCyclesPerSubscriberPerVenue"),
            Map.entry("password", "Password"),
            Map.entry("totpCode", "TotpCode"),
            Map.entry("currentPassword", "CurrentPassword"),
            Map.entry("refreshToken", "RefreshToken"),
            Map.entry("roles", "Roles"),
            Map.entry("displayName", "DisplayName"),
            Map.entry("label", "Label"),
            Map.entry("company", "company"),
            Map.entry("clientId", "ClientID"),
            // payment (card and PayPal checkouts, refunds)
            Map.entry("amount", "Amount"),
            Map.entry("guestPlan", "GuestPlanID"),
            Map.entry("paypal", "PayPal"),
            Map.entry("webhookId", "PayPal_webhookid"),
            Map.entry("paypalClientId", "PayPal_clientid"),
            Map.entry("paypalClientSecret", "PayPal_clientsecret"),
            Map.entry("paypalWebhookId", "PayPal_webhookid"),
            Map.entry("reference", "PaymentReference"),
            // guest plans
            Map.entry("sessionProfileId", "SessionProfileID"),
            // reporting pages
            Map.entry("after", "After"),
            // notification
            Map.entry("filename", "AttachmentFileName"),
            Map.entry("contentType", "AttachmentContentType"),
            Map.entry("content", "AttachmentContent"),
            Map.entry("recipient", "EmailAddress"),
            Map.entry("sender", "EmailFrom"),
            // webhook and audit log windows
            Map.entry("webhookUrl", "WebhookURL"),
            Map.entry("signingSecret", "WebhookSigningSecret"),
            Map.entry("windowStart", "MinViewWindowDateUTC.ISO8601"),
            Map.entry("windowEnd", "MaxViewWindowDateUTC.ISO8601"),
            // plan
            Map.entry("planId", "ServicePlanID"),
            Map.entry("planName", "ServicePlanName"),
            Map.entry("planDescription", "ServicePlanDescription"),
            Map.entry("planImageUrl", "ServicePlanImageURL"),
            Map.entry("externalPlanId", "externalServicePlanID"),
            Map.entry("downloadKbps", "DownloadKbps"),
            Map.entry("uploadKbps", "UploadKbps"),
            Map.entry("concurrentDevices", "ConcurrentDevices"),
            Map.entry("smsCode", "SMSCode"),
            Map.entry("trialCycles", "TrialCycles"),
            Map.entry("billingCycleHours", "BillingCycleHours"),
            Map.entry("currencies", "Currencies"),
            Map.entry("prices", "BillingCyclePrice"),
            Map.entry("maxTrialCyclesPerSubscriberPerVenue", "MaximumTrialCyclesPerSubscriberPerVenue"),
            Map.entry("maxFreeEnrollmentsPerSubscriberPerVenue", "MaximumFreeEnrollmentsPerSubscriberPerVenue"),
            Map.entry("sessionTimeoutSecondsPerDevice", "SessionTimeoutSecondsPerDevice"),
            Map.entry("fccPlanId", "FCCLabel.PlanID"),
            Map.entry("privacyPolicyUrl", "FCCLabel.PrivacyPolicyURL"),
            Map.entry("networkManagementPolicyUrl", "FCCLabel.NetworkMgmtPolicyURL"),
            Map.entry("dataPolicyUrl", "FCCLabel.DataPolicyURL"),
            Map.entry("bundleDiscountUrl", "FCCLabel.BundleDiscountURL"),
            Map.entry("supportUrl", "FCCLabel.SupportURL"),
            Map.entry("typicalUploadKbps", "FCCLabel.TypicalUploadKbps"),
            Map.entry("typicalDownloadKbps", "FCCLabel.TypicalDownloadKbps"),
            // venue and unit
            Map.entry("venueId", "VenueID"),
            Map.entry("venueName", "VenueName"),
            Map.entry("timeZone", "TimeZone"),
            Map.entry("line1", "AddressLine1"),
            Map.entry("line2", "AddressLine2"),
            Map.entry("city", "City"),
            Map.entry("state", "State"),
            Map.entry("postalCode", "PostalCode"),
            Map.entry("countryCode", "Country.ISO3166A3"),
            Map.entry("unitName", "UnitID"),
            Map.entry("building", "UnitBuilding"),
            Map.entry("floor", "UnitFloor"),
            Map.entry("externalUnitId", "externalVenueUnitID"),
            Map.entry("vlan", "vlan"),
            Map.entry("autoVlanMin", "MinimumAutoGeneratedVLAN"),
            Map.entry("autoVlanMax", "MaximumAutoGeneratedVLAN"),
            // hotspot and equipment
            Map.entry("hotspotName", "HotspotName"),
            Map.entry("nasIdentifier", "NASIdentifier"),
            Map.entry("gatewayKind", "GatewayKind"),
            Map.entry("methods", "SignInMethods"),
            Map.entry("freePlanIds", "FreeGuestPlanIDs"),
            Map.entry("requiredFields", "RequiredFields"),
            Map.entry("optionalFields", "OptionalFields"),
            Map.entry("uamSecret", "UAMSecret"),
            Map.entry("unifiSite", "UniFiSite"),
            Map.entry("unifiControllerUrl", "UniFiControllerURL"),
            Map.entry("unifiControllerUser", "UniFiControllerUser"),
            Map.entry("unifiIntegrationSiteId", "UniFiIntegrationSiteID"),
            Map.entry("afterLogin", "AfterLogin"),
            Map.entry("gatewayLoginHost", "GatewayLoginHost"),
            Map.entry("equipmentId", "EquipmentID"),
            Map.entry("equipmentName", "EquipmentName"),
            Map.entry("manufacturer", "Manufacturer"),
            Map.entry("model", "Model"),
            Map.entry("connectionProtocol", "ConnectionProtocol"),
            Map.entry("ipAddress", "IPAddress"),
            Map.entry("username", "Username"),
            Map.entry("status", "Status"),
            // guest
            Map.entry("macAddress", "MACAddress"),
            Map.entry("deviceName", "DeviceName"),
            Map.entry("guestEmail", "Email"),
            Map.entry("firstName", "FirstName"),
            Map.entry("lastName", "LastName"),
            Map.entry("profileUrl", "ProfileURL"),
            Map.entry("mobilePhone", "MobilePhone"),
            Map.entry("gender", "Gender"),
            Map.entry("country", "Country"),
            Map.entry("region", "Region"),
            Map.entry("address", "Address"),
            Map.entry("custom", "Custom"),
            Map.entry("custom1", "Custom1"), Map.entry("custom2", "Custom2"), Map.entry("custom3", "Custom3"),
            Map.entry("custom4", "Custom4"), Map.entry("custom5", "Custom5"), Map.entry("custom6", "Custom6"),
            Map.entry("custom7", "Custom7"), Map.entry("custom8", "Custom8"), Map.entry("custom9", "Custom9"),
            Map.entry("custom10", "Custom10"),
            Map.entry("sessionProfileName", "SessionProfileName"),
            Map.entry("sessionTimeoutSeconds", "SessionTimeoutSeconds"),
            Map.entry("idleTimeoutSeconds", "IdleTimeoutSeconds"),
            Map.entry("dataCapBytes", "DataCapBytes"),
            Map.entry("guestPlanName", "GuestPlanName"),
            Map.entry("durationMinutes", "DurationMinutes"),
            Map.entry("priceCents", "PriceCents"),
            Map.entry("currency", "Currency"),
            Map.entry("count", "Count"),
            Map.entry("voucherCode", "VoucherCode"),
            Map.entry("maxUses", "MaxUses"),
            Map.entry("expiresAt", "ExpiresUTC.ISO8601"),
            Map.entry("paymentGateway", "PaymentGateway"),
            Map.entry("transactionId", "TransactionID"),
            // subscription
            Map.entry("subscriptionId", "SubscriptionID"),
            Map.entry("unitId", "UnitID_internal"),
            Map.entry("startsAt", "StartDateTimeUTC.ISO8601"),
            Map.entry("endsAt", "EndDateTimeUTC.ISO8601"),
            Map.entry("psk", "psk"),
            Map.entry("customPsk", "CustomPSK"),
            Map.entry("givenName", "GivenName"),
            Map.entry("familyName", "FamilyName"),
            Map.entry("phoneE164", "PhoneNumber.E164"),
            Map.entry("smsContact", "contactpref_sms"),
            Map.entry("locale", "locale"),
            Map.entry("token", "Token"),
            // operator configuration sections
            Map.entry("networkOperatorName", "NetworkOperatorName"),
            Map.entry("domain", "Domain"),
            Map.entry("emailDomain", "EmailDomain"),
            Map.entry("domainAlias", "DomainAlias"),
            Map.entry("addressLine1", "AddressLine1"),
            Map.entry("addressLine2", "AddressLine2"),
            Map.entry("phoneNumber", "PhoneNumber"),
            Map.entry("logoUrl", "LogoPNG.URL"),
            Map.entry("displayOptionId", "DisplayOptionID"),
            Map.entry("propertyManagementGroupId", "PMG.PropertyManagementGroupID"),
            Map.entry("managementGroupClient", "PropertyManagementGroupID"),
            Map.entry("cognitoPool", "CognitoPool"),
            Map.entry("cognitoPoolDomain", "CognitoPool_Domain"),
            Map.entry("appClientId", "CognitoPool_appclientid"),
            Map.entry("samlProviders", "SAML"),
            Map.entry("realPageUrl", "RealPageURL"),
            Map.entry("wiredPlusWirelessPlanId", "DefaultServicePlanID_GlobalWirelessPlusLocalWiredAccess"),
            Map.entry("localWirelessPlanId", "DefaultServicePlanID_LocalWirelessAccess"),
            Map.entry("vlanRange", "NetworkConfiguration"),
            Map.entry("radiusServerIp", "Radius.RadiusServerIP"),
            Map.entry("authenticationPort", "Radius.AuthenticationPort"),
            Map.entry("accountingPort", "Radius.AccountingPort"),
            Map.entry("sourceIpAllowList", "SourceIPRangeWhiteList"),
            Map.entry("globalSsids", "GlobalSSID"),
            Map.entry("roamingSsids", "RoamingSSID"),
            Map.entry("welcomeEmailCountdownHours", "WelcomeEmail_countdown_hours"),
            Map.entry("pinpointId", "PinpointID"),
            Map.entry("emailFrom", "EmailFrom"),
            Map.entry("smsPhoneNumber", "SMSConsolePhoneNumber"),
            Map.entry("subscriptionEndLookaheadHours", "ReportingSubscriptionEnd_lookahead_hours"),
            Map.entry("subscriptionEndFrequencyHours", "ReportingSubscriptionEnd_frequency_hours"),
            Map.entry("shoppingCart", "ShoppingCart"),
            Map.entry("shortUrl", "ShoppingCartShortURL"),
            Map.entry("stripeWebhookUrl", "StripeWebHookURL"),
            Map.entry("maxTrialCyclesPerSubscriber", "MaximumTrialCyclesPerSubscriber"),
            Map.entry("maxFreeEnrollmentsPerSubscriber", "MaximumFreeEnrollmentsPerSubscriber"),
            Map.entry("certificateDomain", "Certificates.Domain"),
            Map.entry("certificateName", "Certificates.Name"),
            Map.entry("validationStatus", "Certificates.ValidationStatus"),
            Map.entry("brandColor", "brandcolor"),
            Map.entry("emailFromArn", "EmailFromARN"),
            Map.entry("dkimStatus", "DomainAliasDkimStatus"),
            Map.entry("dkimLastKeyGeneration", "DkimLastKeyGenerationTimestamp"),
            Map.entry("supportedLocales", "SupportedLocales"),
            Map.entry("termsAndConditions", "TandC"),
            Map.entry("emailTemplates", "EmailConfiguration"));

    private ConsoleFieldNames() {
    }

    /**
     * The console's name for a domain field; {@code prices.USD} becomes {@code BillingCyclePrice.USD}.
     * Null for a name the domain does not use.
     */
    public static @Nullable String wireName(String domainName) {
        String exact = WIRE.get(domainName);
        if (exact != null) {
            return exact;
        }
        int dot = domainName.indexOf('.');
        String head = dot < 0 ? null : WIRE.get(domainName.substring(0, dot));
        return head == null ? null : head + domainName.substring(dot);
    }
}
