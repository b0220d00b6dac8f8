package io.portico.dashboard;

import io.portico.platform.Actor;
import io.portico.platform.Permission;

/**
 * The settings pages under {@code /dashboard/settings}, each with the permission its service
 * checks: the settings navigation lists only those the administrator may change, and a page or
 * form reached anyway answers the 403 page.
 */
enum SettingsPage {
    PROFILE("profile", Permission.MANAGE_OPERATOR),
    BRANDING("branding", Permission.MANAGE_OPERATOR),
    TERMS("terms", Permission.MANAGE_OPERATOR),
    EMAIL_TEMPLATES("email-templates", Permission.MANAGE_OPERATOR),
    NOTIFICATIONS("notifications", Permission.MANAGE_OPERATOR),
    NETWORK("network", Permission.MANAGE_OPERATOR),
    WEBHOOK("webhook", Permission.MANAGE_OPERATOR),
    PAYMENT("payment", Permission.MANAGE_OPERATOR),
    RADIUS_CLIENTS("radius-clients", Permission.MANAGE_EQUIPMENT),
    ADMINISTRATORS("administrators", Permission.MANAGE_ADMINISTRATORS);

    static final String ROOT = "/dashboard/settings";

    private final String key;
    private final Permission permission;

    SettingsPage(String key, Permission permission) {
        this.key = key;
        this.permission = permission;
    }

    String key() {
        return key;
    }

    String path() {
        return ROOT + "/" + key;
    }

    Permission permission() {
        return permission;
    }

    boolean visibleTo(Actor actor) {
        return actor.can(permission);
    }

    /** Refuses (403 page) an administrator whose roles do not allow this page. */
    void require(Actor actor) {
        actor.require(permission);
    }
}
