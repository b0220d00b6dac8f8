package io.portico.unit;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/** What it takes to add a unit; validates itself. A null {@code vlan} asks for automatic assignment. */
public record NewUnit(String name, String building, String floor, UnitPurpose purpose, @Nullable Integer vlan,
                      String externalUnitId) {

    public NewUnit {
        name = required("UnitID", name);
        building = required("UnitBuilding", building);
        floor = required("UnitFloor", floor);
        externalUnitId = externalUnitId == null ? "" : externalUnitId.strip();
        if (externalUnitId.length() > 200) {
            throw PorticoException.invalid("externalVenueUnitID", "externalVenueUnitID must be at most 200 characters.");
        }
        if (vlan != null) {
            vlan(vlan);
        }
    }

    /** A VLAN ID a unit may use: 1..4094 (0 and 4095 are reserved by IEEE 802.1Q). */
    public static int vlan(int vlan) {
        if (vlan < 1 || vlan > 4094) {
            throw PorticoException.invalid("vlan", "vlan must be between 1 and 4094.");
        }
        return vlan;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw PorticoException.invalid(field, field + " is required.");
        }
        if (value.strip().length() > 100) {
            throw PorticoException.invalid(field, field + " must be at most 100 characters.");
        }
        return value.strip();
    }
}
