package io.portico.support;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test shares: the movable clock and a clean PostgreSQL schema. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(@Value("${portico.test.clean-database:false}") boolean clean) {
        return (Flyway flyway) -> {
            if (clean) {
                flyway.clean();
                flyway.migrate();
                return;
            }
            H2SchemaOwner.migrate(flyway);
        };
    }

    @Bean
    Fixtures fixtures(io.portico.tenant.TenantService tenants, io.portico.identity.IdentityService identity) {
        return new Fixtures(tenants, identity);
    }
}
