package io.portico.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the front-end libraries packaged as WebJars (htmx, uPlot) at {@code /webjars/**} for the
 * dashboard and the subscriber console; Spring Boot's own static mappings are off
 * ({@code spring.web.resources.add-mappings: false}). The URLs carry the version, so they are
 * cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebJarsConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
