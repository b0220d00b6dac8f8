package io.portico.unit;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/** What it takes to add a unit; validates itself. A null {@code vlan} asks for automatic assignment. */
public record NewUnit(String name, String building, String floor, UnitPurpose purpose, @Nullable Integer vlan,
                      String externalUnitId) {

    public NewUnit {
        name = Text.required("unitName", name, 100);
        building = Text.required("building", building, 100);
        floor = Text.required("floor", floor, 100);
        externalUnitId = Text.atMost("externalUnitId", externalUnitId, 200);
        if (vlan != null) {
            vlan(vlan);
        }
    }

    /** A VLAN ID a unit may use: 1..4094 (0 and 4095 are reserved by IEEE 802.1Q). */
    public static int vlan(int vlan) {
        if (vlan < 1 || vlan > 4094) {
            throw PorticoException.invalid("vlan", "{vlan} must be between 1 and 4094.");
        }
        return vlan;
    }
}
