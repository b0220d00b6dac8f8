package io.portico.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.portico.platform.SecretBox;
import io.portico.subscription.persistence.V72__subscription_sealed_keys;

/**
 * Which database the "database"-tagged tests run on: {@code -Dportico.test.db=h2} (the default
 * surefire run) or {@code postgres} (the second run). PostgreSQL tests use their own schema,
 * {@code PORTICO_TEST_PG_SCHEMA} (default {@code portico_test}), cleaned before the run.
 */
public enum DatabaseTarget {
    H2, POSTGRES;

    public static DatabaseTarget current() {
        return "postgres".equalsIgnoreCase(System.getProperty("portico.test.db", "h2")) ? POSTGRES : H2;
    }

    static String pgBaseUrl() {
        return System.getProperty("portico.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String pgSchema() {
        String schema = System.getenv("PORTICO_TEST_PG_SCHEMA");
        return schema == null || schema.isBlank() ? "portico_test" : schema;
    }

    static String pgUser() {
        String user = System.getenv("PORTICO_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    /**
     * Spring properties that point the application at this database. Pools are small: the test
     * framework caches several application contexts at once, and PostgreSQL allows 100 clients.
     */
    public Map<String, String> properties() {
        Map<String, String> all = new java.util.HashMap<>(databaseProperties());
        all.put("spring.datasource.hikari.maximum-pool-size", "8");
        all.put("spring.datasource.hikari.minimum-idle", "1");
        return all;
    }

    private Map<String, String> databaseProperties() {
        return switch (this) {
            case H2 -> Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:portico-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
            case POSTGRES -> Map.of(
                    "spring.datasource.url", pgBaseUrl() + "?currentSchema=" + pgSchema(),
                    "spring.datasource.username", pgUser(),
                    "spring.datasource.password", "",
                    "spring.flyway.schemas", pgSchema(),
                    "spring.flyway.default-schema", pgSchema(),
                    "spring.flyway.clean-disabled", "false",
                    "portico.test.clean-database", "true");
        };
    }

    /**
     * Spring properties for whole servers a test starts itself (several may share them): an H2 file
     * database in {@code h2Directory}, or on PostgreSQL a schema of its own, emptied now.
     */
    public Map<String, String> standalone(java.nio.file.Path h2Directory, String schemaSuffix) {
        if (this == H2) {
            return Map.of("spring.datasource.url", "jdbc:h2:file:" + h2Directory.resolve("portico")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        String schema = pgSchema() + "_" + schemaSuffix;
        try (Connection c = DriverManager.getConnection(pgBaseUrl(), pgUser(), "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema, e);
        }
        return Map.of("spring.datasource.url", pgBaseUrl() + "?currentSchema=" + schema,
                "spring.datasource.username", pgUser(), "spring.datasource.password", "",
                "spring.flyway.schemas", schema, "spring.flyway.default-schema", schema);
    }

    /**
     * A schema of its own on PostgreSQL with every migration applied (a throw-away sealing key for
     * V72), and one connection to it: for tests that read PostgreSQL's plans of real statements.
     */
    public static SingleConnectionDataSource migratedPostgresSchema(java.nio.file.Path h2Directory, String schemaSuffix) {
        Map<String, String> db = POSTGRES.standalone(h2Directory, schemaSuffix);
        Flyway.configure().dataSource(db.get("spring.datasource.url"), db.get("spring.datasource.username"), "")
                .schemas(db.get("spring.flyway.schemas")).defaultSchema(db.get("spring.flyway.default-schema"))
                .locations("classpath:db/migration")
                .javaMigrations(new V72__subscription_sealed_keys(new SecretBox(new byte[32]))).load().migrate();
        return new SingleConnectionDataSource(db.get("spring.datasource.url"), db.get("spring.datasource.username"), "", true);
    }

    static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(pgBaseUrl(), pgUser(), "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
