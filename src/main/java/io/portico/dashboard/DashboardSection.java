package io.portico.dashboard;

import io.portico.platform.Actor;
import io.portico.platform.Permission;

/**
 * The dashboard's navigation: each section with its path and the permission an administrator
 * needs to see it, the same permission its service checks. The layout lists only the sections
 * the signed-in administrator's roles allow.
 */
public enum DashboardSection {
    OVERVIEW("overview", "/dashboard/overview", Permission.READ_CONFIGURATION),
    SESSIONS("sessions", "/dashboard/sessions", Permission.READ_CONFIGURATION),
    GUESTS("guests", "/dashboard/guests", Permission.READ_CONFIGURATION),
    VOUCHERS("vouchers", "/dashboard/vouchers", Permission.READ_CONFIGURATION),
    SETUP("setup", "/dashboard/setup/hotspots", Permission.READ_CONFIGURATION),
    MDU("mdu", "/dashboard/mdu", Permission.READ_CONFIGURATION),
    LOGS("logs", "/dashboard/logs", Permission.READ_LOGS),
    REPORTS("reports", "/dashboard/reports", Permission.READ_CONFIGURATION),
    SETTINGS("settings", "/dashboard/settings", Permission.MANAGE_OPERATOR);

    private final String key;
    private final String path;
    private final Permission permission;

    DashboardSection(String key, String path, Permission permission) {
        this.key = key;
        this.path = path;
        this.permission = permission;
    }

    /** The message key suffix ({@code nav.overview}) and the {@code id} of its link. */
    public String key() {
        return key;
    }

    public String path() {
        return path;
    }

    public Permission permission() {
        return permission;
    }

    public boolean visibleTo(Actor actor) {
        return actor.can(permission);
    }
}
