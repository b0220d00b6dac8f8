package io.portico.guestapi.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Documents the guest API's token (api_token query parameter or bearer) and error responses on every /v2 route. */
@Configuration(proxyBeanMethods = false)
class GuestApiOpenApi {

    static final Map<String, String> ERRORS = Map.of(
            "400", "A parameter is invalid; errors names it",
            "401", "api_token missing, unknown or revoked",
            "404", "Unknown object or route",
            "405", "Only GET is allowed",
            "429", "Rate limit exceeded; see Retry-After");

    @Bean
    OpenApiCustomizer guestApiErrors() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes("api_token", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.QUERY).name("api_token").description("The client's guest API token"));
            components.addSecuritySchemes("GuestApiBearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("The client's guest API token as Authorization: Bearer <token>"));
            components.addSchemas("GuestApiError", new ObjectSchema()
                    .addProperty("message", new StringSchema())
                    .addProperty("errors", new ObjectSchema().description("parameter name to messages; only for 400")));
            api.setComponents(components);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith(GuestApiErrorFormat.PREFIX)) {
                    return;
                }
                item.readOperations().forEach(op -> {
                    // Either scheme will do: two requirements, not one with both.
                    op.setSecurity(List.of(new SecurityRequirement().addList("api_token"),
                            new SecurityRequirement().addList("GuestApiBearer")));
                    ERRORS.forEach((status, text) -> op.getResponses().addApiResponse(status, new ApiResponse()
                            .description(text).content(new Content().addMediaType("application/json",
                                    new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/GuestApiError"))))));
                });
            });
        };
    }
}
