package io.portico.support;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test application at the database chosen by {@link DatabaseTarget}. */
public class DatabaseTargetInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("portico-test-database", new HashMap<>(DatabaseTarget.current().properties())));
    }
}
