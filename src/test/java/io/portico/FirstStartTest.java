package io.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.support.Http;

/**
 * The embedded default as a newcomer meets it: an H2 file database that survives restarts and the
 * first-start bootstrap ({@code --demo} on a fresh database: {@code DemoNetworkTest}).
 */
class FirstStartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... args) {
        String url = "jdbc:h2:file:" + dataDir.resolve("portico") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // Command-line arguments, not builder defaults: application.yml would override those.
        String[] all = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--server.port=0", "--spring.datasource.url=" + url, "--portico.radius.enabled=false"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        return new SpringApplicationBuilder(PorticoApplication.class).run(PorticoApplication.translateArguments(all, null));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void bootstrapCreatesTheFirstAdministratorOnceAndDataSurvivesARestart() {
        String[] bootstrap = {"--portico.bootstrap.admin-email=Owner@Example.com",
                "--portico.bootstrap.admin-password=first start password", "--portico.bootstrap.operator-name=Acme WiFi"};
        try (var context = start(bootstrap)) {
            var r = new Http(port(context)).postJson("/preview/subscriberconsole/login",
                    Http.body("EmailAddress", "owner@example.com", "Password", "first start password"));
            assertThat(r.status()).isEqualTo(200);
        }
        try (var context = start("--portico.bootstrap.admin-email=second@example.com",
                "--portico.bootstrap.admin-password=another password!")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select email from administrator").query(String.class).list()).containsExactly("owner@example.com");
            assertThat(jdbc.sql("select name from operator").query(String.class).list()).containsExactly("Acme WiFi");
            var r = new Http(port(context)).postJson("/preview/subscriberconsole/login",
                    Http.body("EmailAddress", "owner@example.com", "Password", "first start password"));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void withoutDemoOrBootstrapTheDatabaseStaysEmpty() {
        try (var context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from operator").query(Long.class).single()).isZero();
            assertThat(new Http(port(context)).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        }
    }
}
