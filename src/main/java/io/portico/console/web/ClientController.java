package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.identity.ApiTokenInfo;
import io.portico.identity.IdentityService;
import io.portico.identity.IssuedApiToken;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Management routes for clients (property management groups, the guest API's "client") and
 * their guest API tokens. New in Portico; named in the console's style.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/clients")
@Tag(name = "Console: clients and API tokens")
class ClientController {

    record AddClient(@JsonProperty("Company") @Nullable String company,
                     @JsonProperty("PropertyManagementGroupID") @Nullable String key) {
    }

    record ClientRef(@JsonProperty("ClientID") @Nullable Long clientId) {
        long required() {
            if (clientId == null) {
                throw PorticoException.invalid("ClientID", "ClientID is required.");
            }
            return clientId;
        }
    }

    record AddToken(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("Label") @Nullable String label) {
    }

    record RevokeToken(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("APITokenID") @Nullable Long tokenId) {
    }

    private final TenantService tenants;
    private final IdentityService identity;

    ClientController(TenantService tenants, IdentityService identity) {
        this.tenants = tenants;
        this.identity = identity;
    }

    @PostMapping("/addClient")
    @Operation(summary = "Adds a client (property management group)",
            description = "Company is required; PropertyManagementGroupID defaults to the operator key plus the company. Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> addClient(Actor actor, @RequestBody AddClient request) {
        Client client = tenants.createClient(actor, request.company(), request.key());
        Map<String, Object> body = client(client);
        body.put("message", "Client added: " + client.key() + ". ");
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/listClients")
    @Operation(summary = "Lists the operator's clients")
    Map<String, Object> listClients(Actor actor) {
        List<Map<String, Object>> clients = tenants.listClients(actor).stream().map(ClientController::client).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("Clients", clients);
        body.put("ClientCount", clients.size());
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/addAPIToken")
    @Operation(summary = "Issues a guest API token for a client",
            description = "The token is in this response only; Portico stores a SHA-256 digest and lists the token by its prefix.")
    Map<String, Object> addToken(Actor actor, @RequestBody AddToken request) {
        IssuedApiToken issued = identity.issueApiToken(actor, new ClientRef(request.clientId()).required(), request.label());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "API token issued. Store it now: it cannot be shown again. ");
        body.put("APITokenID", issued.id());
        body.put("ClientID", issued.clientId());
        body.put("Label", issued.label());
        body.put("Prefix", issued.prefix());
        body.put("APIToken", issued.token());
        body.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(issued.createdAt()));
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/listAPITokens")
    @Operation(summary = "Lists a client's guest API tokens by prefix (never the tokens)")
    Map<String, Object> listTokens(Actor actor, @RequestBody ClientRef request) {
        List<Map<String, Object>> tokens = identity.listApiTokens(actor, request.required()).stream()
                .map(ClientController::token).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("APITokens", tokens);
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/revokeAPIToken")
    @Operation(summary = "Revokes a guest API token; it stops working at once")
    Map<String, Object> revokeToken(Actor actor, @RequestBody RevokeToken request) {
        if (request.tokenId() == null) {
            throw PorticoException.invalid("APITokenID", "APITokenID is required.");
        }
        identity.revokeApiToken(actor, new ClientRef(request.clientId()).required(), request.tokenId());
        return Map.of("message", "API token " + request.tokenId() + " revoked. ", "errorProcessing", false);
    }

    private static Map<String, Object> client(Client client) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ClientID", client.id());
        map.put("Company", client.company());
        map.put("PropertyManagementGroupID", client.key());
        map.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(client.createdAt()));
        return map;
    }

    private static Map<String, Object> token(ApiTokenInfo token) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("APITokenID", token.id());
        map.put("Label", token.label());
        map.put("Prefix", token.prefix());
        map.put("Active", token.active());
        map.put("CreatedBy", token.createdBy());
        map.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(token.createdAt()));
        map.put("LastUsedUTC.ISO8601", token.lastUsedAt() == null ? null : ConsoleFormats.iso(token.lastUsedAt()));
        map.put("RevokedUTC.ISO8601", token.revokedAt() == null ? null : ConsoleFormats.iso(token.revokedAt()));
        return map;
    }
}
