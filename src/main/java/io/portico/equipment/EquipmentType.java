package io.portico.equipment;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of equipment; {@code label} is the console's EquipmentType text. */
public enum EquipmentType {
    GATEWAY("Gateway"), SWITCH("Switch"), ACCESS_POINT("Access Point"), OTHER("Other");

    private final String label;

    EquipmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EquipmentType> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label))
                .findFirst();
    }
}
