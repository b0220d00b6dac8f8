package io.portico.equipment;

/** An equipment log entry with its id: the dashboard pages the log by (occurred-at, id). */
public record EquipmentLogLine(long id, EquipmentLogEntry entry) {
}
