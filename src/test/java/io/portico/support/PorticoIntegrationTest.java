package io.portico.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the running application over real HTTP on a random port, against the database of
 * {@link DatabaseTarget}. Tagged "database": it runs once on H2 and once on PostgreSQL. Every test
 * class uses this annotation unchanged, so all of them share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(PostgresAvailableCondition.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portico.radius.enabled=false",
        // The shared context's fixtures name gateways and webhook receivers that do not exist; the
        // engine tests turn delivery on in their own context, against loopback receivers.
        "portico.gateway.reconciler.enabled=false",
        "portico.webhook.delivery-enabled=false",
        "portico.guestapi.requests-per-minute=100000",
        // Every page test comes from 127.0.0.1; the limits' own tests use other addresses through the services.
        "portico.subscription.signups-per-address-per-hour=200",
        "portico.subscription.resets-per-address-per-hour=200",
        // A fixed test master key, so tests never write ./data/secret.key.
        "portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
})
@ContextConfiguration(initializers = DatabaseTargetInitializer.class)
@Import(TestConfig.class)
public @interface PorticoIntegrationTest {
}
