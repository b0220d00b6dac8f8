package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portico.support.Http;
import io.portico.support.PortalWorld;

/** A phone talking to the portal over plain HTTP in the portal's page tests: hand-overs, forms, the sealed state. */
final class PortalHttp {

    static final String CHAP_CHALLENGE = "\\022\\346\\240\\377\\000\\021\\042\\063\\104\\125\\146\\167\\210\\231\\252\\273";
    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    private final int port;

    PortalHttp(int port) {
        this.port = port;
    }

    Http http() {
        return new Http(port);
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    Http.Response post(String path, Map<String, String> fields, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http().send("POST", path, form(fields), all);
    }

    /** A MikroTik router's hand-over of the phone, with its login page at 10.5.50.1. */
    Http.Response mikrotikLands(PortalWorld world, String mac) {
        return mikrotikLands(world, mac, "http://10.5.50.1/login");
    }

    Http.Response mikrotikLands(PortalWorld world, String mac, String linkLoginOnly, String... headers) {
        Map<String, String> handOver = new LinkedHashMap<>();
        handOver.put("mac", mac);
        handOver.put("ip", "10.5.50.23");
        handOver.put("link-login-only", linkLoginOnly);
        handOver.put("link-orig", "http://example.com/news");
        handOver.put("chap-id", "\\357");
        handOver.put("chap-challenge", CHAP_CHALLENGE);
        return post("/portal/" + world.hotspot.nasIdentifier(), handOver, headers);
    }

    static String state(Http.Response page) {
        Matcher m = STATE.matcher(page.raw());
        assertThat(m.find()).as("the page carries a sealed state").isTrue();
        return m.group(1);
    }

    Http.Response signIn(PortalWorld world, Map<String, String> fields, String... headers) {
        return post("/portal/" + world.hotspot.nasIdentifier() + "/signin", fields, headers);
    }
}
