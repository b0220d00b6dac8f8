package io.portico.console.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.portico.platform.Actor;
import io.portico.platform.web.RequestAttributeResolver;
import io.portico.subscription.SubscriberPrincipal;

/** Lets console controllers take the authenticated {@link Actor} (or, on resident routes, {@link SubscriberPrincipal}) as a parameter. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestAttributeResolver<>(Actor.class, ConsoleRequestFilter.ACTOR, "AccessToken is missing."));
        resolvers.add(new RequestAttributeResolver<>(SubscriberPrincipal.class, ConsoleRequestFilter.SUBSCRIBER,
                "AccessToken is not a valid subscriber token."));
    }
}
