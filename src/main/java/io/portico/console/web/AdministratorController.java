package io.portico.console.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.identity.Administrator;
import io.portico.identity.IdentityService;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Management routes for operator staff and their roles (DomainAdministrators only for writes). */
@RestController
@RequestMapping("/preview/networkoperatorconsole/administrators")
@Tag(name = "Console: administrators")
class AdministratorController {

    record AddAdministrator(@JsonProperty("EmailAddress") @Nullable String email,
                            @JsonProperty("DisplayName") @Nullable String displayName,
                            @JsonProperty("Password") @Nullable String password,
                            @JsonProperty("Roles") @Nullable List<String> roles) {
    }

    record ChangeRoles(@JsonProperty("EmailAddress") @Nullable String email,
                       @JsonProperty("Roles") @Nullable List<String> roles) {
    }

    record ChangePassword(@JsonProperty("CurrentPassword") @Nullable String current,
                          @JsonProperty("NewPassword") @Nullable String replacement) {
    }

    private final IdentityService identity;

    AdministratorController(IdentityService identity) {
        this.identity = identity;
    }

    @PostMapping("/addAdministrator")
    @Operation(summary = "Adds an administrator with roles",
            description = "Roles: any of DomainAdministrators, SIEMAdministrators, AccountManagers, CustomerSupport. Password: 12 to 128 characters.")
    Map<String, Object> add(Actor actor, @RequestBody AddAdministrator request) {
        Administrator admin = identity.createAdministrator(actor, request.email(), request.displayName(),
                request.password() == null ? "" : request.password(), roles(request.roles()));
        Map<String, Object> body = administrator(admin);
        body.put("message", "Administrator added: " + admin.email() + ". ");
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/listAdministrators")
    @Operation(summary = "Lists the operator's administrators and their roles")
    Map<String, Object> list(Actor actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("Administrators", identity.listAdministrators(actor).stream().map(AdministratorController::administrator).toList());
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/updateAdministratorRoles")
    @Operation(summary = "Replaces an administrator's roles",
            description = "DomainAdministrators only. The operator always keeps at least one DomainAdministrator (409 otherwise).")
    Map<String, Object> changeRoles(Actor actor, @RequestBody ChangeRoles request) {
        Administrator admin = identity.changeRoles(actor, request.email(), roles(request.roles()));
        Map<String, Object> body = administrator(admin);
        body.put("message", "Roles updated: " + admin.email() + ". ");
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/changePassword")
    @Operation(summary = "Changes the caller's own password and ends all of their sessions")
    Map<String, Object> changePassword(Actor actor, @RequestBody ChangePassword request) {
        identity.changePassword(actor, request.current(), request.replacement() == null ? "" : request.replacement());
        return Map.of("message", "Password changed; sign in again. ", "errorProcessing", false);
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw PorticoException.invalid("Roles", "Roles must list at least one role.");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.fromWireName(name == null ? "" : name).orElseThrow(() -> PorticoException.invalid("Roles",
                    "Unknown role '" + name + "'; use DomainAdministrators, SIEMAdministrators, AccountManagers or CustomerSupport.")));
        }
        return roles;
    }

    private static Map<String, Object> administrator(Administrator admin) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("AdministratorID", admin.id());
        map.put("EmailAddress", admin.email());
        map.put("DisplayName", admin.displayName());
        map.put("Roles", admin.roles().stream().sorted().map(Role::wireName).toList());
        map.put("Disabled", admin.disabled());
        map.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(admin.createdAt()));
        return map;
    }
}
