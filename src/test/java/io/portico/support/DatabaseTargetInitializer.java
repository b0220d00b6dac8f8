package io.portico.support;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test application at the database chosen by {@link DatabaseTarget}, stripe-java at {@link StripeFake} and PayPal at {@link PayPalFake}. */
public class DatabaseTargetInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        HashMap<String, Object> properties = new HashMap<>(DatabaseTarget.current().properties());
        properties.put("portico.payment.stripe-api-base", StripeFake.shared().apiBase());
        properties.put("portico.payment.paypal.sandbox-url", PayPalFake.shared().url());
        properties.put("portico.payment.paypal.live-url", PayPalFake.shared().url());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portico-test-database", properties));
    }
}
