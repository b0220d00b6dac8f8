package io.portico.equipment;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

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
        manufacturer = Text.required("manufacturer", manufacturer, 100);
        model = Text.required("model", model, 100);
        connectionProtocol = Text.required("connectionProtocol", connectionProtocol, 10).toLowerCase(java.util.Locale.ROOT);
        if (!PROTOCOLS.contains(connectionProtocol)) {
            throw PorticoException.invalid("connectionProtocol", "{connectionProtocol} must be one of https, http, ssh, api, api-ssl, snmp.");
        }
        ipAddress = Text.required("ipAddress", ipAddress, 64);
        if (!ipAddress.matches("(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*|[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw PorticoException.invalid("ipAddress", "{ipAddress} must be an IPv4 or IPv6 address or a host name.");
        }
        username = Text.atMost("username", username, 200);
        if (password != null && password.length() > 500) {
            throw PorticoException.invalid("password", "{password} must be at most 500 characters.");
        }
        status = status == null || status.isBlank() ? "In Service" : status.strip();
        if (!STATUSES.contains(status)) {
            throw PorticoException.invalid("status", "{status} must be one of In Service, Out of Service, Planned.");
        }
    }
}
