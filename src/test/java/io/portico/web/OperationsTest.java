package io.portico.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

@PorticoIntegrationTest
class OperationsTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void healthReportsUpIncludingLivenessAndReadiness() {
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesJvmHttpAndDatabaseMetrics() {
        http.get("/actuator/health");
        var r = http.get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("jvm_memory_used_bytes").contains("hikaricp_connections").contains("http_server_requests");
    }

    @Test
    void theOpenApiDocumentListsEveryRouteWithItsErrorResponses() {
        JsonNode doc = http.get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/v2/zapier/client/ping")).isTrue();
        assertThat(paths.has("/preview/subscriberconsole/login")).isTrue();
        assertThat(paths.has("/preview/networkoperatorconsole/clients/addAPIToken")).isTrue();

        List<String> missing = new ArrayList<>();
        for (var path : paths.properties()) {
            for (var op : path.getValue().properties()) {
                JsonNode responses = op.getValue().get("responses");
                boolean guest = path.getKey().startsWith("/v2/");
                if (!path.getKey().startsWith("/v2/") && !path.getKey().startsWith("/preview/")) {
                    continue;
                }
                for (String status : guest ? List.of("400", "401", "404", "429") : List.of("400", "401", "403", "404", "415")) {
                    if (responses == null || !responses.has(status)) {
                        missing.add(op.getKey() + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        var r = http.get("/swagger-ui/index.html");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).containsIgnoringCase("swagger");
    }
}
