package io.portico.equipment;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * What an administrator sets on equipment, validated. A null {@code password} keeps the stored
 * credentials (on update) or stores none (on add); an empty one removes them.
 */
public record EquipmentDetails(EquipmentType type, String manufacturer, String model, String connectionProtocol,
                               String ipAddress, String username, @Nullable String password, String status) {

    /** How Portico reaches the equipment's management interface. */
    public static final Set<String> PROTOCOLS = Set.of("https", "http", "ssh", "api", "api-ssl", "snmp");
    public static final Set<String> STATUSES = Set.of("In Service", "Out of Service", "Planned");

    public EquipmentDetails {
        manufacturer = text("Manufacturer", manufacturer, 100, true);
        model = text("Model", model, 100, true);
        connectionProtocol = text("ConnectionProtocol", connectionProtocol, 10, true).toLowerCase(java.util.Locale.ROOT);
        if (!PROTOCOLS.contains(connectionProtocol)) {
            throw PorticoException.invalid("ConnectionProtocol", "ConnectionProtocol must be one of https, http, ssh, api, api-ssl, snmp.");
        }
        ipAddress = text("IPAddress", ipAddress, 64, true);
        if (!ipAddress.matches("(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*|[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw PorticoException.invalid("IPAddress", "IPAddress must be an IPv4 or IPv6 address or a host name.");
        }
        username = text("Username", username, 200, false);
        if (password != null && password.length() > 500) {
            throw PorticoException.invalid("Password", "Password must be at most 500 characters.");
        }
        status = status == null || status.isBlank() ? "In Service" : status.strip();
        if (!STATUSES.contains(status)) {
            throw PorticoException.invalid("Status", "Status must be one of In Service, Out of Service, Planned.");
        }
    }

    private static String text(String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw PorticoException.invalid(field, field + " is required.");
        }
        if (v.length() > max) {
            throw PorticoException.invalid(field, field + " must be at most " + max + " characters.");
        }
        return v;
    }
}
