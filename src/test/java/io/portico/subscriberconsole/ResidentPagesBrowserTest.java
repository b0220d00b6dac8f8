package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.FccLabel;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.radius.internal.ResidentGateway;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;

/**
 * A resident's My WiFi, My devices and My plan pages in a real headless Chromium, with Portico's
 * real RADIUS server and radclient playing the venue gateway: the key and its QR code (decoded
 * from the page's pixels), rotation (the old key is refused, the open session gets a
 * Disconnect-Request), naming and disconnecting a device, changing and cancelling the plan.
 * Screenshots go to docs/img/subscriber-*.png.
 */
@PorticoIntegrationTest
class ResidentPagesBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void residentReadsTheKeyAsQrCodeRotatesItNamesAndDisconnectsADeviceAndChangesAndCancelsThePlan() throws Exception {
        ResidentWorld world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.NETWORK,
                new Sections.Network(new Sections.VlanRange(1000, 1999), new Sections.VlanRange(2000, 2999),
                        new Sections.VlanRange(3000, 3999), true, false, List.of(), new Sections.Radius("", "1812", "1813"),
                        List.of("Harbor;Lofts"), List.of()), Map.of());
        var faster = context.getBean(PlanService.class).add(world.operator.id(), new PlanChanges("Fast 500", 500_000L, 100_000L, 10, true,
                true, "Fast 500 plan", "", new FccLabel("F500HARBOR0001", 450_000, 90_000, "https://example.com/privacy",
                "https://example.com/network", "https://example.com/data", "", "https://example.com/support"), "", "", 0, 730.5,
                List.of("USD"), Map.of("USD", 0L), 0, 0, 3600));
        var paid = world.plan("Gigabit", true, Map.of("USD", 4500L));
        String email = world.residentWithPassword();
        String key = jdbc.sql("select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email = ?")
                .param(email).query(Long.class).single().toString();
        Equipment gatewayEquipment = context.getBean(EquipmentService.class).add(world.operator.id(), world.venue.key(), "GWB-" + Fixtures.unique(),
                new EquipmentDetails(EquipmentType.GATEWAY, "Mikrotik", "1036", "https", "203.0.113.12", "admin", "router-password", "In Service"));

        try (var gateway = ResidentGateway.start(context, world.operator.id(), gatewayEquipment.id(), "gwb-" + Fixtures.unique());
             var browser = Browser.start()) {
            browser.open(URI.create("http://127.0.0.1:" + port + "/subscriber/wifi"));
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), ResidentWorld.PASSWORD);
            browser.click(By.id("signin"));
            browser.waitForText("Your WiFi key");
            String psk = browser.find(By.id("psk-" + key)).getText();
            assertThat(psk).hasSize(16);
            assertThat(browser.text()).contains("Harbor;Lofts");
            // Read again until the code is drawn: a screenshot taken while the page still lays out can miss it.
            String decoded = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(
                    () -> decodeQr(browser.find(By.cssSelector("#key-" + key + " svg.qr")).getScreenshotAs(OutputType.BYTES)),
                    java.util.Objects::nonNull);
            assertThat(decoded).isEqualTo("WIFI:T:WPA;S:Harbor\\;Lofts;P:" + psk + ";;");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-wifi");

            // a phone joins with the key and reports traffic
            assertThat(gateway.accepts("02-00-00-00-80-01", psk)).isTrue();
            String session = "B-" + Fixtures.unique();
            gateway.interim(session, "02-00-00-00-80-01", 1_500_000, 42_000_000);
            browser.click(By.id("nav-devices"));
            browser.waitForText("02-00-00-00-80-01");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.open(URI.create("http://127.0.0.1:" + port + "/subscriber/devices"));
                return browser.text().contains("Online");
            });
            assertThat(browser.text()).contains("43.5 MB");
            browser.type(By.id("name-020000008001"), "Rita's phone");
            browser.click(By.id("rename-020000008001"));
            browser.waitForText("The device name is saved.");
            assertThat(browser.find(By.cssSelector("#device-020000008001 h2")).getText()).isEqualTo("Rita's phone");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-devices");
            browser.click(By.id("disconnect-020000008001"));
            browser.waitForText("The device is being disconnected.");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.disconnectRequests() >= 1);

            // rotation asks first, then the old key is refused and the session still open (the NAS never sent Stop) is disconnected
            int before = gateway.disconnectRequests();
            browser.click(By.id("nav-wifi"));
            browser.click(By.id("rotate-" + key));
            browser.waitForText("Your current key stops working at once");
            browser.click(By.id("rotate-confirm-" + key));
            browser.waitForText("Your new WiFi key is ready.");
            String rotated = browser.find(By.id("psk-" + key)).getText();
            assertThat(rotated).isNotEqualTo(psk).hasSize(16);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.disconnectRequests() > before);
            assertThat(gateway.lastDisconnectRequest()).contains(session);
            assertThat(gateway.accepts("02-00-00-00-80-02", psk)).as("the old key is refused").isFalse();
            assertThat(gateway.accepts("02-00-00-00-80-02", rotated)).isTrue();

            // plan: a paid plan is refused clearly, a free one is taken, then cancel and undo
            browser.click(By.id("nav-plan"));
            browser.waitForText("Contact preferences");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("plan-choice-" + key))).selectByValue(paid.key());
            browser.click(By.id("change-" + key));
            browser.waitForText("That plan is a paid plan.");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("plan-choice-" + key))).selectByValue(faster.key());
            browser.click(By.id("change-" + key));
            browser.waitForText("Your plan is changed.");
            assertThat(browser.find(By.id("plan-name-" + key)).getText()).isEqualTo("Fast 500");
            assertThat(browser.text()).contains("Broadband facts (FCC label)", "500 Mbps");
            browser.click(By.id("cancel-" + key));
            browser.waitForText("Your subscription will end at the end of this billing cycle.");
            assertThat(browser.find(By.id("cancelled-" + key)).getText()).startsWith("Cancelled: your subscription ends on");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-plan");
            browser.click(By.id("undo-" + key));
            browser.waitForText("Your cancellation is undone");
            assertThat(browser.find(By.id("plan-ends-" + key)).getText()).isEqualTo("No end date");

            browser.click(By.cssSelector("a[hreflang='es-xl']"));
            browser.waitForText("Preferencias de contacto");
            assertThat(browser.accessibilityProblems()).isEmpty();
        }
    }

    /** Reads the QR code in a PNG with ZXing. */
    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
