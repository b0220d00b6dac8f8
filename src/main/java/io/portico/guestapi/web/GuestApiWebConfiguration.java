package io.portico.guestapi.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.portico.identity.ClientPrincipal;
import io.portico.platform.web.RequestAttributeResolver;

/** Lets guest API controllers take the authenticated {@link ClientPrincipal} as a parameter. */
@Configuration(proxyBeanMethods = false)
class GuestApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestAttributeResolver<>(ClientPrincipal.class, GuestApiAuthenticationFilter.PRINCIPAL,
                "API token is missing."));
    }
}
