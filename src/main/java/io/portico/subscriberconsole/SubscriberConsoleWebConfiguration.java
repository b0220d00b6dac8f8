package io.portico.subscriberconsole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.portico.platform.PorticoException;
import io.portico.subscription.SubscriberPrincipal;

/**
 * The subscriber console's web plumbing: the session check ({@link ResidentSessions}) on every
 * page but the public ones (sign-in, forgotten password, set password, sign-up, theme, static
 * files), the {@link SubscriberPrincipal} as a parameter of this package's controllers, the
 * security headers, the static files with a year-long cache (URLs carry the content hash) and the
 * message bundle {@code i18n/subscriber*.properties}.
 *
 * <p>Ordered early so that its {@code SubscriberPrincipal} resolver, which only answers for this
 * package's controllers, is asked before the console API's.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SubscriberConsoleWebConfiguration implements WebMvcConfigurer {

    /** Pages anyone may open: signing in, recovering a password, signing up, and the assets. */
    static final List<String> PUBLIC = List.of("/subscriber/signin", "/subscriber/forgot", "/subscriber/password",
            "/subscriber/signup", "/subscriber/signup/**", "/subscriber/theme/**", "/subscriber/static/**");

    private final ResidentSessions sessions;

    SubscriberConsoleWebConfiguration(ResidentSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(sessions).addPathPatterns("/subscriber", "/subscriber/**").excludePathPatterns(PUBLIC);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(SubscriberPages.STATIC_PATH + "**")
                .addResourceLocations("classpath:/static/subscriber/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(0, new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == SubscriberPrincipal.class
                        && parameter.getContainingClass().getPackageName().equals(SubscriberConsoleWebConfiguration.class.getPackageName());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
                Object principal = request.getAttribute(ResidentSessions.PRINCIPAL, RequestAttributes.SCOPE_REQUEST);
                if (principal instanceof SubscriberPrincipal p) {
                    return p;
                }
                if (parameter.isOptional() || parameter.hasParameterAnnotation(org.jspecify.annotations.Nullable.class)) {
                    return null;
                }
                throw PorticoException.unauthenticated("Sign in first.");
            }
        });
    }

    @Bean
    FilterRegistrationBean<SubscriberConsoleHeadersFilter> subscriberConsoleHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SubscriberConsoleHeadersFilter());
        registration.addUrlPatterns("/subscriber", "/subscriber/*");
        return registration;
    }

    @Bean
    ResourceBundleMessageSource subscriberMessages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/subscriber");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A locale without its own bundle gets subscriber.properties (English), never the JVM's locale.
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }
}
