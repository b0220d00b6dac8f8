package io.portico.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal's web plumbing: its security headers on portal paths, its stylesheet served from
 * the jar with a year-long cache (the URL carries the file's hash, {@link PortalAssets}), and its
 * own message bundle ({@code i18n/portal*.properties}), separate from any other surface's.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

    static final String STATIC_PATH = "/portal/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Before the controllers, so PortalFallbackController's /portal/** never hides a static file.
        registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registry.addResourceHandler(STATIC_PATH + "**")
                .addResourceLocations("classpath:/static/portal/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    FilterRegistrationBean<PortalHeadersFilter> portalHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new PortalHeadersFilter());
        registration.addUrlPatterns("/portal/*", "/guest/s/*");
        return registration;
    }

    @Bean
    ResourceBundleMessageSource portalMessages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/portal");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A locale without its own bundle gets portal.properties (English), never the JVM's locale.
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }
}
