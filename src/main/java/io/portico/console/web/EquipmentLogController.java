package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.equipment.EquipmentService;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's equipment log route (listEquipmentLog), shaped by {@link LogWire}. */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class EquipmentLogController {

    record EquipmentRef(@JsonProperty("EquipmentID") @Nullable String equipmentId) {
    }

    private final EquipmentService equipment;

    EquipmentLogController(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @PostMapping("/listEquipmentLog")
    @Operation(summary = "Returns equipment details and its log, newest first (at most 1000 entries)",
            description = "Unknown EquipmentID or another operator's: 404.")
    Map<String, Object> listEquipmentLog(Actor actor, @RequestBody EquipmentRef request) {
        return LogWire.equipmentLog(equipment.log(actor, request.equipmentId(), LogWire.EQUIPMENT_LOG_LIMIT));
    }
}
