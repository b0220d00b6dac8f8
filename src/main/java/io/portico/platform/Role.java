package io.portico.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The four operator staff roles of the console API, with the permissions each grants. The wire
 * names ({@code DomainAdministrators}, ...) are the console's role list names.
 */
public enum Role {
    DOMAIN_ADMINISTRATORS("DomainAdministrators", EnumSet.allOf(Permission.class)),
    ACCOUNT_MANAGERS("AccountManagers", EnumSet.of(
            Permission.READ_CONFIGURATION, Permission.READ_LOGS, Permission.MANAGE_CLIENTS,
            Permission.MANAGE_PLANS, Permission.MANAGE_VENUES, Permission.MANAGE_SUBSCRIBERS,
            Permission.MANAGE_GUESTS)),
    CUSTOMER_SUPPORT("CustomerSupport", EnumSet.of(Permission.READ_CONFIGURATION, Permission.READ_LOGS)),
    SIEM_ADMINISTRATORS("SIEMAdministrators", EnumSet.of(Permission.READ_LOGS));

    private final String wireName;
    private final Set<Permission> permissions;

    Role(String wireName, Set<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = permissions;
    }

    public String wireName() {
        return wireName;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
