package io.portico.platform;

/** What an administrator may do; {@link Role} maps roles to these. Services check them. */
public enum Permission {
    /** Read operator configuration, plans, venues, subscribers, guests (everything but secrets). */
    READ_CONFIGURATION,
    /** Read the operator, equipment and webhook logs. */
    READ_LOGS,
    /** Change operator settings, T&amp;C and administrators. */
    MANAGE_OPERATOR,
    MANAGE_ADMINISTRATORS,
    /** Create clients and issue or revoke their guest API tokens. */
    MANAGE_CLIENTS,
    MANAGE_PLANS,
    /** Add and change venues and their units. */
    MANAGE_VENUES,
    /** Add and change equipment (gateways, switches, APs) and confirm gateway VLAN state. */
    MANAGE_EQUIPMENT,
    /** Add and change subscribers, their subscriptions and PSKs. */
    MANAGE_SUBSCRIBERS,
    MANAGE_GUESTS
}
