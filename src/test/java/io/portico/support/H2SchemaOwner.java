package io.portico.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migrates the test run's shared in-memory H2 database through one connection that stays open for
 * the whole JVM. H2 keeps the session that parsed a CHECK constraint with an IN list as that list's
 * comparator; when the schema was made through a context's pool and that context was later evicted
 * from Spring's test-context cache (its pool closed), every insert into such a table failed with
 * "Check constraint invalid ... The database has been closed".
 */
final class H2SchemaOwner {

    private static @Nullable Connection owner;

    private H2SchemaOwner() {
    }

    static synchronized void migrate(Flyway contextFlyway) {
        try {
            if (owner == null || owner.isClosed()) {
                var properties = DatabaseTarget.H2.properties();
                owner = DriverManager.getConnection(properties.get("spring.datasource.url"), properties.get("spring.datasource.username"),
                        properties.get("spring.datasource.password"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the test H2 database", e);
        }
        Flyway.configure().configuration(contextFlyway.getConfiguration())
                .dataSource(new SingleConnectionDataSource(owner, true)).load().migrate();
    }
}
