package io.portico.console.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Documents the console's AccessToken (a bearer token, also accepted as the body's AccessToken
 * field) and error responses on every /preview route.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleOpenApi {

    static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid body or field; message says which",
            "401", "AccessToken missing, invalid or expired",
            "403", "The administrator's role does not allow this",
            "404", "Unknown object or route",
            "405", "Only POST is allowed",
            "409", "Conflicts with existing data (duplicate)",
            "413", "Body larger than portico.http.max-body-bytes",
            "415", "Body is not application/json",
            "429", "Too many failed sign-ins; see Retry-After");

    @Bean
    OpenApiCustomizer consoleErrors() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes("AccessToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("The login's AccessToken, as Authorization: Bearer or as the body's AccessToken field"));
            components.addSchemas("ConsoleError", new ObjectSchema()
                    .addProperty("message", new StringSchema())
                    .addProperty("errorProcessing", new BooleanSchema()._default(true)));
            api.setComponents(components);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith(ConsoleErrorFormat.PREFIX)) {
                    return;
                }
                item.readOperations().forEach(op -> {
                    // Sign-in routes are called before there is a token: an explicit empty requirement says so.
                    op.setSecurity(path.startsWith("/preview/subscriberconsole/")
                            && !path.startsWith(ConsoleRequestFilter.RESIDENT_PREFIX) ? List.of()
                            : List.of(new SecurityRequirement().addList("AccessToken")));
                    ERRORS.forEach((status, text) -> op.getResponses().addApiResponse(status, new ApiResponse()
                            .description(text).content(new Content().addMediaType("application/json",
                                    new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/ConsoleError"))))));
                });
            });
        };
    }
}
