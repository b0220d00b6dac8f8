package io.portico.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored section of the operator configuration: its storage name, its value type, the
 * console's name for it (used in log messages) and the value a new operator starts with.
 */
public final class Section<T extends Record> {

    /** The display configuration: a free-form JSON-schema-like object the portals read. */
    public record Display(Map<String, Object> configuration) {
        public Display {
            configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        }
    }

    /** Supported locales in display order, code to name. */
    public record Locales(Map<String, String> supported) {
        public Locales {
            if (supported.isEmpty()) {
                throw io.portico.platform.PorticoException.invalid("supportedLocales", "{supportedLocales} must list at least one locale.");
            }
            supported.keySet().forEach(Sections::locale);
            supported = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(supported));
        }
    }

    /** Terms and conditions HTML per locale. */
    public record TermsAndConditions(Map<String, String> byLocale) {
        public TermsAndConditions {
            byLocale = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLocale));
        }
    }

    /** The operator's domain certificates. */
    public record Certificates(List<Sections.Certificate> list) {
        public Certificates {
            list = List.copyOf(list);
        }
    }

    public static final Section<Sections.Profile> PROFILE = new Section<>("profile", "OperatorProfile",
            Sections.Profile.class, new Sections.Profile("", "", "", "", "", "", "", "", "", "", "", "", "", "", ""));
    public static final Section<Sections.SignOn> SIGN_ON = new Section<>("sign_on", "SignOn", Sections.SignOn.class,
            new Sections.SignOn("", "", "", Map.of()));
    public static final Section<Sections.Pms> PMS = new Section<>("pms", "PMS", Sections.Pms.class,
            new Sections.Pms("", false));
    public static final Section<Sections.PlanDefaults> PLAN_DEFAULTS = new Section<>("plan_defaults",
            "ServicePlanConfiguration", Sections.PlanDefaults.class, new Sections.PlanDefaults("", ""));
    public static final Section<Sections.Network> NETWORK = new Section<>("network", "NetworkConfiguration",
            Sections.Network.class, new Sections.Network(new Sections.VlanRange(1000, 1999),
            new Sections.VlanRange(2000, 2999), new Sections.VlanRange(3000, 3999), true, false, List.of(),
            new Sections.Radius("", "1812", "1813"), List.of(), List.of()));
    public static final Section<Sections.Notifications> NOTIFICATIONS = new Section<>("notifications", "Notifications",
            Sections.Notifications.class, new Sections.Notifications(0, true, true, false, "", "", false, ""));
    public static final Section<Sections.Reporting> REPORTING = new Section<>("reporting", "Reporting",
            Sections.Reporting.class, new Sections.Reporting(720, 720));
    public static final Section<Sections.ShoppingCart> SHOPPING_CART = new Section<>("shopping_cart", "ShoppingCart",
            Sections.ShoppingCart.class, new Sections.ShoppingCart(false, "", "", false, -1, -1));
    public static final Section<Sections.PayPal> PAYPAL = new Section<>("paypal", "PayPal", Sections.PayPal.class,
            new Sections.PayPal(false, true));
    public static final Section<Display> DISPLAY = new Section<>("display", "DisplayConfiguration", Display.class,
            new Display(Map.of()));
    public static final Section<Locales> LOCALES = new Section<>("locales", "SupportedLocales", Locales.class,
            new Locales(englishAndSpanish()));
    public static final Section<TermsAndConditions> TANDC = new Section<>("tandc", "TandC", TermsAndConditions.class,
            new TermsAndConditions(Map.of()));
    public static final Section<Certificates> CERTIFICATES = new Section<>("certificates", "Certificates",
            Certificates.class, new Certificates(List.of()));
    public static final Section<Sections.Email> EMAIL = new Section<>("email", "EmailConfiguration", Sections.Email.class,
            new Sections.Email("#000000", "", false, "", "", List.of(), Map.of()));

    public static final Section<Sections.Locality> LOCALITY = new Section<>("locality", "TimeZone", Sections.Locality.class,
            new Sections.Locality(""));

    private static Map<String, String> englishAndSpanish() {
        Map<String, String> locales = new LinkedHashMap<>();
        locales.put("en-us", "English (US)");
        locales.put("es-xl", "Spanish (Latin America)");
        return locales;
    }

    private final String storageName;
    private final String consoleName;
    private final Class<T> type;
    private final T defaults;

    private Section(String storageName, String consoleName, Class<T> type, T defaults) {
        this.storageName = storageName;
        this.consoleName = consoleName;
        this.type = type;
        this.defaults = defaults;
    }

    public String storageName() {
        return storageName;
    }

    public String consoleName() {
        return consoleName;
    }

    public Class<T> type() {
        return type;
    }

    public T defaults() {
        return defaults;
    }
}
