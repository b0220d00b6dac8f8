package io.portico.equipment;

import java.util.List;

/** An equipment's details with its log, newest first (listEquipmentLog). */
public record EquipmentLog(Equipment equipment, List<EquipmentLogEntry> entries) {

    public EquipmentLog {
        entries = List.copyOf(entries);
    }
}
