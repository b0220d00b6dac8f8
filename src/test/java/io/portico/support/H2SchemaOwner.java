package io.portico.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Migrates an in-memory H2 database that test contexts share through one connection of its own that
 * stays open for the whole JVM. H2 keeps the session that parsed a CHECK constraint with an IN list
 * as that list's comparator; when the schema was made through a context's pool and that context was
 * later evicted from Spring's test-context cache (its pool closed), every insert into such a table
 * failed with "Check constraint invalid ... The database has been closed". Other databases (an H2
 * file of one test's own, PostgreSQL) are migrated through the context's pool as usual.
 */
final class H2SchemaOwner {

    private static final Map<String, Connection> OWNERS = new HashMap<>();

    private H2SchemaOwner() {
    }

    static synchronized void migrate(Flyway contextFlyway) {
        DataSource dataSource = contextFlyway.getConfiguration().getDataSource();
        try {
            HikariDataSource pool = dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
            if (pool == null || pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
                contextFlyway.migrate();
                return;
            }
            Connection owner = OWNERS.get(pool.getJdbcUrl());
            if (owner == null || owner.isClosed()) {
                owner = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                OWNERS.put(pool.getJdbcUrl(), owner);
            }
            Flyway.configure().configuration(contextFlyway.getConfiguration())
                    .dataSource(new SingleConnectionDataSource(owner, true)).load().migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the test H2 database", e);
        }
    }
}
