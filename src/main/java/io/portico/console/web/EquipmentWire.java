package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portico.equipment.Equipment;

/** The console's equipment object (never with credentials). */
final class EquipmentWire {

    private EquipmentWire() {
    }

    static Map<String, Object> render(Equipment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", e.status());
        m.put("EquipmentID", e.key());
        m.put("EquipmentName", e.name());
        m.put("EquipmentType", e.type().label());
        m.put("Manufacturer", e.manufacturer());
        m.put("Model", e.model());
        m.put("ConnectionProtocol", e.connectionProtocol());
        m.put("IPAddress", e.ipAddress());
        return m;
    }
}
