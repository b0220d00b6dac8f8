package io.portico.hotspot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.portico.platform.PorticoException;

/**
 * How a hotspot's captive portal behaves (the non-secret part; secrets go in
 * {@link PortalConfiguration}). The portal pages read it through {@link HotspotService#findPortal};
 * the guest module's sign-in reads which free guest plan a method grants and which form fields are
 * required. Validates itself: at least one method; a free plan for each of CLICK_THROUGH and FORM
 * that is offered (VOUCHER grants the voucher's own plan); form fields from {@link #FIELDS}, each
 * either required or optional; a UniFi site exactly when the gateway is UniFi.
 *
 * @param freePlanIds guest plan id granted per CLICK_THROUGH / FORM sign-in
 * @param unifiSite   the UniFi controller's site name (the {@code <site>} of {@code /guest/s/<site>/})
 * @param afterLogin  where the gateway sends the guest once logged in (default: the status page)
 * @param gatewayLoginHost MikroTik only: {@code host} or {@code host:port} of the router's login page
 *                    (its hotspot DNS name or address), or up to four of them separated by commas
 *                    (stored as {@code "a, b"}); a hand-over's {@code link-login-only} must name one. Empty: only private, link-local, CGNAT or loopback addresses and
 *                    {@code .local} or single-label names are accepted there.
 */
public record PortalSettings(GatewayKind gatewayKind, Set<SignInMethod> methods, Map<SignInMethod, Long> freePlanIds,
                             Set<String> requiredFields, Set<String> optionalFields, Optional<String> unifiSite,
                             AfterLogin afterLogin, Optional<String> gatewayLoginHost) {

    /** The form fields a portal may ask for, in the order the form shows them. */
    public static final List<String> FIELDS = Stream.concat(
            Stream.of("email", "firstName", "lastName", "phone", "birthDate", "country"),
            IntStream.rangeClosed(1, 10).mapToObj(i -> "custom" + i)).toList();
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** A router can answer by its DNS name and its address; a hotspot may have a few routers. */
    private static final int MAX_LOGIN_HOSTS = 4;
    private static final Pattern LOGIN_HOST = Pattern.compile(
            "(\\[[0-9a-f:.]{2,45}\\]|[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*)(:([0-9]{1,5}))?");

    /** Settings that send the guest to the status page and check MikroTik login hosts by address range. */
    public PortalSettings(GatewayKind gatewayKind, Set<SignInMethod> methods, Map<SignInMethod, Long> freePlanIds,
                          Set<String> requiredFields, Set<String> optionalFields, Optional<String> unifiSite) {
        this(gatewayKind, methods, freePlanIds, requiredFields, optionalFields, unifiSite, AfterLogin.STATUS_PAGE,
                Optional.empty());
    }

    public PortalSettings {
        if (gatewayKind == null) {
            throw PorticoException.invalid("gatewayKind", "{gatewayKind} is required: MIKROTIK, COOVACHILLI or UNIFI.");
        }
        if (methods == null || methods.isEmpty()) {
            throw PorticoException.invalid("methods", "{methods}: at least one sign-in method is required.");
        }
        methods = Collections.unmodifiableSet(EnumSet.copyOf(methods));
        freePlanIds = freePlanIds == null ? Map.of() : freePlanIds;
        Map<SignInMethod, Long> plans = new EnumMap<>(SignInMethod.class);
        for (var entry : freePlanIds.entrySet()) {
            if (entry.getKey() == SignInMethod.VOUCHER) {
                throw PorticoException.invalid("freePlanIds", "{freePlanIds}: a voucher grants its own guest plan; VOUCHER takes no free plan.");
            }
            if (methods.contains(entry.getKey())) {
                plans.put(entry.getKey(), entry.getValue());
            }
        }
        for (SignInMethod method : List.of(SignInMethod.CLICK_THROUGH, SignInMethod.FORM)) {
            if (methods.contains(method) && !plans.containsKey(method)) {
                throw PorticoException.invalid("freePlanIds", "{freePlanIds}: " + method + " needs the free guest plan it grants.");
            }
        }
        freePlanIds = Collections.unmodifiableMap(plans);
        requiredFields = fields("requiredFields", requiredFields);
        optionalFields = fields("optionalFields", optionalFields);
        for (String field : requiredFields) {
            if (optionalFields.contains(field)) {
                throw PorticoException.invalid("optionalFields", "{optionalFields}: " + field + " cannot be both required and optional.");
            }
        }
        unifiSite = unifiSite == null ? Optional.empty() : unifiSite.map(String::strip).filter(s -> !s.isEmpty());
        if (gatewayKind == GatewayKind.UNIFI) {
            if (unifiSite.isEmpty() || !SITE.matcher(unifiSite.get()).matches()) {
                throw PorticoException.invalid("unifiSite", "{unifiSite}: a UniFi gateway needs its site name (letters, digits, . _ -; at most 64).");
            }
        } else if (unifiSite.isPresent()) {
            throw PorticoException.invalid("unifiSite", "{unifiSite}: only a UniFi gateway has a site.");
        }
        afterLogin = afterLogin == null ? AfterLogin.STATUS_PAGE : afterLogin;
        gatewayLoginHost = gatewayLoginHost == null ? Optional.empty()
                : gatewayLoginHost.map(PortalSettings::normalizedLoginHosts).filter(h -> !h.isEmpty());
        if (gatewayLoginHost.isPresent()) {
            if (gatewayKind != GatewayKind.MIKROTIK) {
                throw PorticoException.invalid("gatewayLoginHost", "{gatewayLoginHost}: only a MikroTik gateway has a login host.");
            }
            List<String> hosts = List.of(gatewayLoginHost.get().split(", "));
            boolean valid = gatewayLoginHost.get().length() <= 260 && hosts.size() <= MAX_LOGIN_HOSTS;
            for (String host : hosts) {
                var parts = LOGIN_HOST.matcher(host);
                valid &= parts.matches() && (parts.group(6) == null
                        || (Integer.parseInt(parts.group(6)) >= 1 && Integer.parseInt(parts.group(6)) <= 65535));
            }
            if (!valid) {
                throw PorticoException.invalid("gatewayLoginHost",
                        "{gatewayLoginHost} must be the router's login host name or address, optionally with :port (e.g. "
                                + "hotspot.example.net or 10.5.50.1:8080); up to " + MAX_LOGIN_HOSTS
                                + " separated by commas, 260 characters in all.");
            }
        }
    }

    /** The hosts of {@code gatewayLoginHost}, each {@code host} or {@code host:port}; empty when none is set. */
    public List<String> gatewayLoginHosts() {
        return gatewayLoginHost.map(hosts -> List.of(hosts.split(", "))).orElse(List.of());
    }

    /** Lower case, stripped, without blanks or repeats, joined by ", ". */
    private static String normalizedLoginHosts(String text) {
        return java.util.Arrays.stream(text.split(",")).map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(h -> !h.isEmpty()).distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    /** The free guest plan a CLICK_THROUGH or FORM sign-in grants; empty for VOUCHER or a method not offered. */
    public Optional<Long> freePlanId(SignInMethod method) {
        return Optional.ofNullable(freePlanIds.get(method));
    }

    /** Whether the form shows the field (required or optional). */
    public boolean asks(String field) {
        return requiredFields.contains(field) || optionalFields.contains(field);
    }

    private static Set<String> fields(String name, Set<String> given) {
        if (given == null) {
            return Set.of();
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String field : FIELDS) {
            if (given.contains(field)) {
                ordered.add(field);
            }
        }
        for (String field : given) {
            if (!ordered.contains(field)) {
                throw PorticoException.invalid(name, PorticoException.ref(name) + ": unknown form field '" + field + "'; known: " + String.join(", ", FIELDS) + ".");
            }
        }
        return Collections.unmodifiableSet(ordered);
    }
}
