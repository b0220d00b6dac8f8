package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.guest.GuestProfile;
import io.portico.guest.GuestService;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Client;

/**
 * The guests' CSV over HTTP as the dashboard's forms send it: an export imports back unchanged
 * (into the same client: nothing changes; into another: the same guests appear), and a file with
 * bad lines is refused whole, naming each line, with nothing written.
 */
@PorticoIntegrationTest
class DashboardGuestCsvTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired GuestService guests;
    @LocalServerPort int port;

    private static final String BOUNDARY = "----portico-test-boundary";

    private Http.Response upload(Http http, DashboardSessionTest.Session session, String token, long client, String csv) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"client\"\r\n\r\n" + client + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guests.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        return http.send(http.builder("/dashboard/guests/import", "Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                "Cookie", session.cookieHeader()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    @Test
    void anExportImportsBackUnchanged() {
        GuestWorld world = new GuestWorld(context, "Csv " + Fixtures.unique());
        world.guest("02-C5-00-00-00-01", new GuestProfile("=cmd@example.com", "Zoë", "O'Brien, \"Jr\"", null, null, "+1 617 555 0100",
                java.time.LocalDate.of(1990, 2, 3), null, "USA", "MA", "Boston", "1 Main St\nApt 2", "02110",
                List.of("-negative", "@at", "'quoted"), "UA"));
        world.guest("02-C5-00-00-00-02", GuestWorld.profile("plain@example.com", "Ana", "Lima", "UA"));
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(world.operator, io.portico.platform.Role.DOMAIN_ADMINISTRATORS));
        String token = DashboardSessionTest.formToken(http.get("/dashboard/guests", "Cookie", session.cookieHeader()).raw());

        Http.Response export = http.get("/dashboard/guests/export.csv?client=" + world.client.id(), "Cookie", session.cookieHeader());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw()).startsWith("mac_address,email,").contains("'=cmd@example.com", "\"O'Brien, \"\"Jr\"\"\"");

        Http.Response same = upload(http, session, token, world.client.id(), export.raw());
        assertThat(same.status()).as(same.raw()).isEqualTo(302);
        assertThat(same.header("Location")).contains("imported=0,0,2");

        Client other = fixtures.client(world.operator, "Other " + Fixtures.unique());
        Http.Response copy = upload(http, session, token, other.id(), export.raw());
        assertThat(copy.header("Location")).contains("imported=2,0,0");
        Http.Response reexport = http.get("/dashboard/guests/export.csv?client=" + other.id(), "Cookie", session.cookieHeader());
        // The same lines (a re-export lists the copies newest first, so in the other order).
        assertThat(reexport.raw().split("\r\n")).containsExactlyInAnyOrder(export.raw().split("\r\n"));
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEachLine() {
        GuestWorld world = new GuestWorld(context, "Bad csv " + Fixtures.unique());
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(world.operator, io.portico.platform.Role.DOMAIN_ADMINISTRATORS));
        String token = DashboardSessionTest.formToken(http.get("/dashboard/guests", "Cookie", session.cookieHeader()).raw());
        String header = String.join(",", io.portico.guest.GuestCsv.HEADER);
        String empty = ",".repeat(22);
        String csv = header + "\r\n"
                + "02-C5-00-00-01-01,good@example.com" + empty + ",false\r\n"
                + "not-a-mac,x@example.com" + empty + ",false\r\n"
                + "02-C5-00-00-01-03,not-an-email" + empty + ",false\r\n"
                + "02-C5-00-00-01-01,again@example.com" + empty + ",maybe\r\n";
        Http.Response refused = upload(http, session, token, world.client.id(), csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("Nothing was imported.", "Line 3:", "Line 4:", "Line 5:").doesNotContain("Line 2:");
        long[] count = {0};
        guests.forEachGuest(world.client.id(), null, g -> count[0]++);
        assertThat(count[0]).isZero();
    }
}
