package io.portico.support;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test application at the database chosen by {@link DatabaseTarget}, and stripe-java at {@link StripeFake}. */
public class DatabaseTargetInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        HashMap<String, Object> properties = new HashMap<>(DatabaseTarget.current().properties());
        properties.put("portico.payment.stripe-api-base", StripeFake.shared().apiBase());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portico-test-database", properties));
    }
}
