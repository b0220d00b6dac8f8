package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.plan.FccLabel;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.WebhookReceiver;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.portico.webhook.WebhookDelivery;
import io.portico.webhook.WebhookService;

/**
 * The Buildings (MDU) pages in a real Chromium: an administrator builds a venue with units and a
 * manual gateway, makes service plans, adds a resident's subscription (its VLAN waits for the
 * gateway; confirming it clears it and the gateway's log shows it), gives a new key, changes the
 * plan and ends it; every step is in the operator log and sends the API's webhooks. Customer
 * support sees the same pages without actions and is refused a forged change.
 */
@PorticoIntegrationTest
class DashboardMduBrowserTest {

    @Autowired Fixtures fixtures;
    @Autowired AuditService audit;
    @Autowired WebhookService webhooks;
    @Autowired VenueService venues;
    @Autowired UnitService units;
    @Autowired EquipmentService equipment;
    @Autowired PlanService plans;
    @Autowired SubscriptionService subscriptions;
    @LocalServerPort int port;

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void anAdministratorRunsABuildingFromVenueToEndedSubscription() throws Exception {
        Operator operator = fixtures.operator();
        Client client = fixtures.client(operator, "Maple Homes " + Fixtures.unique());
        String admin = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        String venueName = "Maple Court " + Fixtures.unique();
        String resident = "rosa." + Fixtures.unique().toLowerCase() + "@example.com";
        try (var receiver = new WebhookReceiver(); var browser = Browser.start()) {
            webhooks.configure(operator.id(), receiver.url(), "whsec_" + Fixtures.unique() + "0123456789abcdef");
            webhooks.allowPrivateTargets(operator.id(), true);
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/mdu"), admin);
            browser.waitForText("Add a venue");

            // A wrong country is refused on the form, in English and in Spanish, and nothing is written.
            fillVenue(browser, venueName, "ZZZ");
            browser.clickAndWaitForPage(By.id("venue-add-submit"));
            assertThat(browser.find(By.id("venue-add-error")).getText()).contains("Check Country (ISO alpha-3)", "ZZZ");
            assertThat(browser.find(By.id("venue-add-name")).getAttribute("value")).isEqualTo(venueName);
            browser.open(url("/dashboard/mdu?lang=es-xl"));
            fillVenue(browser, venueName, "ZZZ");
            browser.clickAndWaitForPage(By.id("venue-add-submit"));
            assertThat(browser.find(By.id("venue-add-error")).getText()).contains("Revise el campo «País (ISO alfa-3)»");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.open(url("/dashboard/mdu?lang=en-us"));
            assertThat(venues.listByOperator(operator.id())).isEmpty();

            fillVenue(browser, venueName, "USA");
            browser.clickAndWaitForPage(By.id("venue-add-submit"));
            browser.waitForText("Venue added.");
            assertThat(browser.find(By.id("venue-zone")).getText()).isEqualTo("America/Chicago");
            addUnit(browser, "101");
            addUnit(browser, "102");
            assertThat(browser.find(By.id("units")).getText()).contains("101", "102", "Resident unit");

            browser.type(By.id("equipment-add-name"), "Gateway 1");
            browser.type(By.id("equipment-add-manufacturer"), "Acme");
            browser.type(By.id("equipment-add-model"), "GW-1");
            browser.type(By.id("equipment-add-ip"), "10.20.0.1");
            browser.clickAndWaitForPage(By.id("equipment-add-submit"));
            browser.waitForText("Equipment added.");
            assertThat(browser.text()).contains("Confirmed by hand");
            String equipmentPage = browser.url();

            browser.clickAndWaitForPage(By.id("mdu-venues"));
            assertThat(browser.find(By.id("venues")).getText()).contains(venueName, client.company(), "America/Chicago");
            screenshot(browser, "dashboard-venues");
            browser.clickAndWaitForPage(By.linkText(venueName));
            screenshot(browser, "dashboard-venue");

            // Two service plans, one with its FCC broadband label.
            browser.clickAndWaitForPage(By.id("mdu-plans"));
            addPlan(browser, "Resident 100", "100000", "F-100");
            addPlan(browser, "Resident 300", "300000", "F-300");
            assertThat(browser.find(By.id("plans")).getText()).contains("Resident 100", "F-100", "Resident 300", "300000");
            screenshot(browser, "dashboard-service-plans");
            browser.clickAndWaitForPage(By.linkText("Resident 100"));
            browser.type(By.id("plan-edit-fcc-id"), "F-100B");
            browser.clickAndWaitForPage(By.id("plan-edit-submit"));
            browser.waitForText("Service plan saved.");
            assertThat(browser.find(By.id("plans")).getText()).contains("F-100B");

            // A resident's subscription on unit 101.
            browser.clickAndWaitForPage(By.id("mdu-subscribers"));
            new Select(browser.find(By.id("sub-unit"))).selectByVisibleText(venueName + " · 101 (VLAN "
                    + unit(operator, "101").vlan() + ", America/Chicago)");
            new Select(browser.find(By.id("sub-plan"))).selectByVisibleText("Resident 100");
            browser.type(By.id("sub-email"), resident);
            browser.type(By.id("sub-given"), "Rosa");
            browser.type(By.id("sub-family"), "Parks");
            browser.clickAndWaitForPage(By.id("subscription-add-submit"));
            browser.waitForText("Subscription added.");
            long subscription = subscriptions.listSubscriptions(admin(operator)).getFirst().subscription().id();
            String firstKey = browser.find(By.id("subscription-" + subscription + "-psk")).getText();
            assertThat(firstKey).hasSize(16);
            assertThat(browser.find(By.id("subscription-" + subscription + "-state")).getText()).isEqualTo("Active");
            String subscriberPage = browser.url();

            // Its VLAN waits for the manual gateway; confirming it clears it and the gateway's log says so.
            int vlan = unit(operator, "101").vlan();
            browser.clickAndWaitForPage(By.id("mdu-vlan-changes"));
            assertThat(browser.find(By.id("pending-enables")).getText()).contains(venueName, "101", resident, "GATEWAY1");
            screenshot(browser, "dashboard-vlan-changes");
            String gatewayKey = equipment.list(admin(operator)).getFirst().key();
            browser.clickAndWaitForPage(By.id("confirm-enable-" + vlan + "-" + gatewayKey));
            browser.waitForText("Change confirmed.");
            assertThat(browser.find(By.id("pending-enables")).getText()).doesNotContain(resident);
            browser.open(URI.create(equipmentPage));
            assertThat(browser.find(By.id("equipment-log")).getText())
                    .contains("/equipment/gateway/confirmGatewayVLAN", "VLAN " + vlan + " confirmed enabled");
            screenshot(browser, "dashboard-equipment");

            // A new key, another plan, then the end.
            browser.open(URI.create(subscriberPage));
            acceptConfirmations(browser);
            browser.clickAndWaitForPage(By.id("key-" + subscription + "-submit"));
            browser.waitForText("New key issued");
            String secondKey = browser.find(By.id("subscription-" + subscription + "-psk")).getText();
            assertThat(secondKey).hasSize(16).isNotEqualTo(firstKey);
            new Select(browser.find(By.id("plan-" + subscription + "-plan"))).selectByVisibleText("Resident 300");
            browser.clickAndWaitForPage(By.id("plan-" + subscription + "-submit"));
            browser.waitForText("Plan changed.");
            assertThat(browser.find(By.id("subscription-" + subscription + "-plan")).getText()).isEqualTo("Resident 300");
            screenshot(browser, "dashboard-subscriber");
            acceptConfirmations(browser);
            browser.clickAndWaitForPage(By.id("end-" + subscription + "-submit"));
            browser.waitForText("Subscription ended.");
            assertThat(browser.find(By.id("subscription-" + subscription + "-state")).getText()).isEqualTo("Ended");

            List<String> logged = audit.window(admin(operator), null, null, 1000).entries().stream().map(LogEntry::functionName).toList();
            assertThat(logged).contains("/venues/addVenue", "/units/addUnit", "/equipment/addEquipment", "/equipment/addServicePlan",
                    "/equipment/configureServicePlan", "/subscribers/addKey", "/equipment/gateway/confirmGatewayVLAN",
                    "/subscribers/resetKey", "/subscriptions/changeServicePlan", "/subscriptions/endSubscription");
            List<String> sent = webhooks.window(admin(operator), null, null).deliveries().stream().map(WebhookDelivery::type).toList();
            assertThat(sent).contains("VenueUnitAdded", "SubscriptionStarted", "KeyStart", "KeyEnd", "SubscriptionPlanUpdated",
                    "SubscriptionEnded");
        }
    }

    @Test
    void customerSupportSeesBuildingsWithoutActionsAndIsRefusedAForgedChange() {
        Operator operator = fixtures.operator();
        String support = fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
        Building building = building(operator, "Oak", "Oak Tower", new Address("1 Oak St", "", "Austin", "TX", "78701", "USA"),
                "America/Chicago", "7A");
        IssuedKey issued = building.issued();
        long id = issued.subscription().id();
        try (var browser = Browser.start()) {
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/mdu"), support);
            browser.waitForText("Oak Tower");
            assertThat(browser.driver().findElements(By.id("venue-add"))).isEmpty();
            browser.clickAndWaitForPage(By.linkText("Oak Tower"));
            assertThat(browser.text()).contains("7A", "OAKGATEWAY", "Confirmed by hand");
            assertThat(browser.driver().findElements(By.cssSelector("form[method=post][action^='/dashboard/mdu']"))).isEmpty();
            browser.open(url(MduSubscriberController.subscriberPath(issued.subscriber().token())));
            assertThat(browser.find(By.id("subscription-" + id + "-plan")).getText()).isEqualTo("Oak 50");
            assertThat(browser.driver().findElements(By.id("end-" + id))).isEmpty();
            browser.open(url("/dashboard/mdu/vlan-changes"));
            assertThat(browser.find(By.id("pending-enables")).getText()).contains("Oak Tower", "7A", "Waiting for an administrator");
            assertThat(browser.driver().findElements(By.cssSelector("#pending-enables button"))).isEmpty();
            browser.open(url("/dashboard/mdu/plans"));
            assertThat(browser.driver().findElements(By.id("plan-add"))).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();

            // A form built by hand with the session's own token: the service refuses it.
            browser.driver().executeScript("""
                    var token = document.querySelector('input[name=_csrf]').value;
                    var form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/dashboard/mdu/subscriptions/' + arguments[0] + '/end';
                    var field = document.createElement('input');
                    field.type = 'hidden'; field.name = '_csrf'; field.value = token;
                    form.appendChild(field);
                    document.body.appendChild(form);
                    form.submit();""", id);
            browser.waitForText("Not allowed");
        }
        assertThat(subscriptions.view(operator.id(), id).orElseThrow().subscription().endsAt()).isNull();
    }

    @Test
    void editsShowInTheVenueTimeZoneAndTheEquipmentLogPagesByKey() {
        Operator operator = fixtures.operator();
        String admin = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        Building building = building(operator, "Elm", "Elm House", new Address("3 Elm St", "", "Madrid", "MD", "28001", "ESP"),
                "Europe/Madrid", "2B");
        Venue venue = building.venue();
        var gateway = building.gateway();
        java.time.Instant base = java.time.Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 30; i++) {
            equipment.record(gateway.id(), new io.portico.equipment.EquipmentLogEntry(base.plusSeconds(60L * i), "/test/line",
                    java.util.Map.of("message", "line " + i), "", "", null, null, null));
        }
        IssuedKey issued = building.issued();
        long id = issued.subscription().id();
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/mdu"), admin);
            browser.waitForText("Elm House");

            // The end date is typed and shown in the venue's zone (Madrid, UTC+1 in December) and stored as that instant.
            browser.open(url(MduSubscriberController.subscriberPath(issued.subscriber().token())));
            browser.driver().executeScript("document.getElementById(arguments[0]).value = '2027-01-15T20:30';", "adjust-" + id + "-end");
            browser.clickAndWaitForPage(By.id("adjust-" + id + "-submit"));
            browser.waitForText("Dates saved.");
            assertThat(subscriptions.view(operator.id(), id).orElseThrow().subscription().endsAt())
                    .isEqualTo(java.time.Instant.parse("2027-01-15T19:30:00Z"));
            assertThat(browser.find(By.id("subscription-" + id + "-end")).getText()).contains("1/15/27", "8:30");
            // An end before the start is refused on the form; the dates stay.
            browser.driver().executeScript("document.getElementById(arguments[0]).value = '2020-01-01T00:00';", "adjust-" + id + "-end");
            browser.clickAndWaitForPage(By.id("adjust-" + id + "-submit"));
            assertThat(browser.find(By.id("adjust-" + id + "-error")).getText()).contains("Check End");
            assertThat(subscriptions.view(operator.id(), id).orElseThrow().subscription().endsAt())
                    .isEqualTo(java.time.Instant.parse("2027-01-15T19:30:00Z"));

            // Venue and unit edits.
            browser.open(url(MduVenueController.venuePath(venue)));
            browser.click(By.cssSelector("#venue-edit-details summary"));
            browser.type(By.id("venue-edit-line2"), "Portal 2");
            browser.clickAndWaitForPage(By.id("venue-edit-submit"));
            browser.waitForText("Venue saved.");
            assertThat(browser.text()).contains("3 Elm St, Portal 2, Madrid");
            browser.clickAndWaitForPage(By.linkText("2B"));
            browser.type(By.id("unit-edit-vlan"), "1234");
            browser.clickAndWaitForPage(By.id("unit-edit-submit"));
            browser.waitForText("Unit saved.");
            assertThat(browser.find(By.id("units")).getText()).contains("1234");

            // The gateway's log: 25 newest, then the rest by key.
            browser.clickAndWaitForPage(By.linkText(gateway.name()));
            String first = browser.find(By.id("equipment-log")).getText();
            assertThat(first).contains("line 29", "line 5").doesNotContain("line 4");
            browser.clickAndWaitForPage(By.id("older-log"));
            String second = browser.find(By.id("equipment-log")).getText();
            assertThat(second).contains("line 4", "line 0").doesNotContain("line 5", "line 29");
            assertThat(browser.driver().findElements(By.id("older-log"))).isEmpty();
        }
    }

    /** A venue with one unit, a manual gateway ("<prefix> gateway"), a plan ("<prefix> 50") and a resident's subscription, made by the services. */
    private Building building(Operator operator, String prefix, String venueName, Address address, String zone, String unitName) {
        Client client = fixtures.client(operator, prefix + " Homes " + Fixtures.unique());
        Venue venue = venues.add(operator.id(), new NewVenue(client.id(), venueName, address, NewVenue.zone(zone), ""));
        Unit unit = units.add(operator.id(), venue.key(), new NewUnit(unitName, unitName.substring(1), unitName.substring(0, 1),
                UnitPurpose.WIRED_UNIT, null, ""));
        Equipment gateway = equipment.add(operator.id(), venue.key(), prefix + " gateway", new EquipmentDetails(EquipmentType.GATEWAY,
                "Acme", "GW-1", "ssh", "10.30.0.1", "", null, "In Service"));
        var plan = plans.add(operator.id(), new PlanChanges(prefix + " 50", 50_000L, 10_000L, 3, null, null, null, null, FccLabel.NONE,
                null, null, null, null, null, java.util.Map.of(), null, null, null));
        IssuedKey issued = subscriptions.addKey(operator.id(), new NewKey(unit.key(), plan.key(), new SubscriberDetails(
                prefix.toLowerCase() + "." + Fixtures.unique().toLowerCase() + "@example.com", "Lee", "Chan", "", "en-us", false, true),
                null, null, null));
        return new Building(venue, gateway, issued);
    }

    private record Building(Venue venue, Equipment gateway, IssuedKey issued) {
    }

    private static void fillVenue(Browser browser, String name, String country) {
        browser.type(By.id("venue-add-name"), name);
        browser.type(By.id("venue-add-line1"), "12 Maple Street");
        browser.type(By.id("venue-add-city"), "Chicago");
        browser.type(By.id("venue-add-state"), "IL");
        browser.type(By.id("venue-add-postal"), "60601");
        browser.type(By.id("venue-add-country"), country);
        browser.type(By.id("venue-add-zone"), "America/Chicago");
    }

    private static void addUnit(Browser browser, String name) {
        browser.type(By.id("unit-add-name"), name);
        browser.type(By.id("unit-add-building"), "A");
        browser.type(By.id("unit-add-floor"), name.substring(0, 1));
        browser.clickAndWaitForPage(By.id("unit-add-submit"));
        browser.waitForText("Unit added.");
    }

    private static void addPlan(Browser browser, String name, String downKbps, String fccId) {
        browser.type(By.id("plan-add-name"), name);
        browser.type(By.id("plan-add-down"), downKbps);
        browser.type(By.id("plan-add-up"), "20000");
        browser.type(By.id("plan-add-fcc-id"), fccId);
        browser.type(By.id("plan-add-fcc-down"), "90000");
        browser.type(By.id("plan-add-fcc-up"), "18000");
        browser.type(By.id("plan-add-fcc-support"), "https://example.com/support");
        browser.clickAndWaitForPage(By.id("plan-add-submit"));
        browser.waitForText("Service plan added.");
    }

    /** No serious accessibility problem, then the page from its top as docs/img/{name}.png. */
    private static void screenshot(Browser browser, String name) {
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.driver().executeScript("window.scrollTo(0, 0);");
        browser.screenshot(name);
    }

    /** The dashboard asks before a new key or an end (window.confirm); the test says yes. */
    private static void acceptConfirmations(Browser browser) {
        browser.driver().executeScript("window.confirm = function () { return true; };");
    }

    private Unit unit(Operator operator, String name) {
        return units.listByOperator(operator.id()).stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static Actor admin(Operator operator) {
        return new Actor(operator.id(), 1, "admin@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

}
