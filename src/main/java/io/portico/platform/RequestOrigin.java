package io.portico.platform;

/**
 * Where a request came from, as recorded in the operator log: source IP, the caller's locale
 * and user agent. Empty strings when unknown (system actions).
 */
public record RequestOrigin(String sourceIp, String locale, String userAgent) {

    public static final RequestOrigin SYSTEM = new RequestOrigin("", "", "");

    public RequestOrigin {
        sourceIp = clip(sourceIp, 64);
        locale = clip(locale, 35);
        userAgent = clip(userAgent, 512);
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
