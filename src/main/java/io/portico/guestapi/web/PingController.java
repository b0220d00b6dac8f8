package io.portico.guestapi.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.identity.ClientPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /v2/zapier/client/ping}: Zapier's connection test; success means the token is valid. */
@RestController
@Tag(name = "Guest API v2")
class PingController {

    @GetMapping("/v2/zapier/client/ping")
    @Operation(summary = "Checks the API token", description = "Answers {\"message\": \"success\"} for a valid token.")
    Map<String, String> ping(ClientPrincipal client) {
        return Map.of("message", "success");
    }
}
