package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;

@PorticoIntegrationTest
class PortalWebTest {

    @LocalServerPort
    int port;

    @Test
    void unknownPortalPathIsAFriendlyPageWithAStrictPolicy() {
        Http.Response response = new Http(port).get("/portal/no-such-hotspot/nowhere/at-all");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.raw()).contains("This page does not exist.").doesNotContain("Exception");
        assertThat(response.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'self'; img-src 'self' data: https:; base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void pageLanguageFollowsAcceptLanguageAndTheSwitcher() {
        Http http = new Http(port);

        assertThat(http.get("/portal/x/y/z", "Accept-Language", "es-MX,es;q=0.9").raw())
                .contains("lang=\"es-xl\"", "Esta página no existe.");
        assertThat(http.get("/portal/x/y/z?lang=en-us", "Accept-Language", "es-MX").raw())
                .contains("lang=\"en-us\"", "This page does not exist.", "hreflang=\"es-xl\"");
    }

    @Test
    void stylesheetIsServedFromTheJarWithALongCache() {
        Http http = new Http(port);
        String page = http.get("/portal/x/y/z").raw();
        String href = page.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");

        Http.Response css = http.get(href);

        assertThat(href).matches("/portal/static/portal\\.css\\?v=[0-9a-f]{12}");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("Cache-Control")).contains("max-age=31536000", "immutable");
        assertThat(page.length() + css.raw().length()).isLessThan(50_000);
    }
}
