package io.portico.equipment;

/** A line of an equipment's log with its id: the key of the dashboard's keyset pages (occurred-at, id). */
public record EquipmentLogLine(long id, EquipmentLogEntry entry) {
}
