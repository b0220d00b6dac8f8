package io.portico.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.DatabaseTarget;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document passes Redocly's recommended rules with no error. Redocly CLI (pinned) is
 * installed with npm into target/redocly on first use. Without npm or the registry the test is
 * skipped with a message, except in CI ({@code CI=true}), where it must run. Run it alone with
 * {@code ./mvnw test -Dtest=OpenApiLintTest}; the report is printed on failure.
 */
@PorticoIntegrationTest
class OpenApiLintTest {

    static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final Path TOOLS = Path.of("target", "redocly");

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentHasNoRedoclyErrors() throws Exception {
        Assumptions.assumeTrue(DatabaseTarget.current() == DatabaseTarget.H2,
                "the OpenAPI document does not depend on the database; linted on the H2 run only");
        Http.Response doc = new Http(port).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        Path file = Path.of("target", "openapi", "api-docs.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, doc.raw());

        Path redocly = redocly();
        Path stderr = file.resolveSibling("redocly-stderr.txt");
        Process lint = run(List.of(redocly.toString(), "lint", "--extends=recommended", "--format=json", file.toString()), stderr);
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        assertThat(out).as("redocly's JSON report (its messages: %s)", stderr).startsWith("{");
        JsonNode report = Http.json().readTree(out);
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : report.get("problems")) {
            if ("error".equals(problem.path("severity").asString())) {
                errors.add(problem.path("ruleId").asString() + ": " + problem.path("message").asString() + " at "
                        + problem.path("location").path(0).path("pointer").asString());
            }
        }
        assertThat(errors).as("redocly lint --extends=recommended on %s", file).isEmpty();
        assertThat(report.get("totals").get("errors").asInt()).isZero();
    }

    /** The pinned Redocly CLI, installed into target/redocly when missing. */
    private static Path redocly() throws IOException, InterruptedException {
        Path bin = TOOLS.resolve("node_modules/.bin/redocly").toAbsolutePath();
        if (Files.isExecutable(bin)) {
            return bin;
        }
        String problem;
        try {
            Process install = run(List.of("npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", REDOCLY), null);
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = install.waitFor(5, TimeUnit.MINUTES);
            if (done && install.exitValue() == 0 && Files.isExecutable(bin)) {
                return bin;
            }
            problem = "npm install " + REDOCLY + " failed:\n" + log;
        } catch (IOException noNpm) {
            problem = "npm is not installed (" + noNpm.getMessage() + ")";
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI: the OpenAPI lint must run, but " + problem);
        }
        System.err.println("OpenAPI lint skipped: " + problem + " Install Node.js 20+ and npm to run it.");
        Assumptions.abort("OpenAPI lint skipped: " + problem);
        throw new IllegalStateException("unreachable");
    }

    /** Starts a command; its standard error goes to {@code stderr}, or into its output when null. */
    private static Process run(List<String> command, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stderr == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(stderr.toFile());
        }
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        return builder.start();
    }
}
