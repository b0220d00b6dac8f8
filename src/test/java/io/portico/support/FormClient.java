package io.portico.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client for server-rendered pages without a browser: keeps the cookies the server
 * sets (a cookie with Max-Age=0 is dropped), reads the {@code _csrf} form token of the last page,
 * and posts forms as application/x-www-form-urlencoded. Redirects are not followed.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final Http http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastPage = "";

    public FormClient(Http http) {
        this.http = http;
    }

    public Http.Response get(String path, String... headers) {
        Http.Response r = http.send(http.builder(path, withCookies(headers)).GET().build());
        keepCookies(r);
        lastPage = r.raw();
        return r;
    }

    /** Posts the form fields (pairs), adding the last page's {@code _csrf} unless one is given. */
    public Http.Response post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.putIfAbsent("_csrf", csrf());
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        Http.Response r = http.send(http.builder(path, withCookies("Content-Type", "application/x-www-form-urlencoded"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        keepCookies(r);
        lastPage = r.raw();
        return r;
    }

    /** The {@code _csrf} value of the last page received (empty when it had no form). */
    public String csrf() {
        Matcher m = CSRF.matcher(lastPage);
        return m.find() ? m.group(1) : "";
    }

    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private String[] withCookies(String... headers) {
        if (cookies.isEmpty()) {
            return headers;
        }
        String jar = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Cookie";
        all[headers.length + 1] = jar;
        return all;
    }

    private void keepCookies(Http.Response r) {
        List<String> set = r.headers().allValues("Set-Cookie");
        for (String header : set) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (header.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
