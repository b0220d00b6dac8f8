package io.portico.unit;

import java.util.Arrays;
import java.util.Optional;

import io.portico.operator.Sections;

/**
 * What a unit's VLAN carries; each purpose draws auto-assigned VLANs from its own operator range.
 * {@code code} is the console's {@code purpose} value.
 */
public enum UnitPurpose {
    WIRED_UNIT("wiredunit"),
    LOCAL_WIRELESS("localwireless"),
    GLOBAL_ROAMING("globalroaming");

    private final String code;

    UnitPurpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<UnitPurpose> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The operator's auto-assignment range for this purpose. */
    public Sections.VlanRange range(Sections.Network network) {
        return switch (this) {
            case WIRED_UNIT -> network.wiredPlusWireless();
            case LOCAL_WIRELESS -> network.localWireless();
            case GLOBAL_ROAMING -> network.roaming();
        };
    }
}
