package io.portico.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The OpenAPI document's header; each facade adds its own error responses and security. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI porticoOpenApi() {
        return new OpenAPI().info(new Info().title("Portico")
                .version("v1")
                .description("""
                        Two API families. The guest WiFi API v2 (/v2/...): GET, authorised by a client's api_token query \
                        parameter or Authorization: Bearer; errors are {"message": ..., "errors": {parameter: [...]}}. \
                        The network operator console API (/preview/...): POST with a JSON body carrying AccessToken \
                        (or Authorization: Bearer); errors are {"message": ..., "errorProcessing": true}. \
                        All times are UTC. See docs/api-guest.md and docs/api-console.md."""));
    }
}
