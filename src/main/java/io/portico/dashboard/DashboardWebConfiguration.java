package io.portico.dashboard;

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

import io.portico.platform.Actor;
import io.portico.platform.PorticoException;

/**
 * The dashboard's web plumbing: the session check on every page but sign-in and the static files
 * ({@link DashboardSessions}), the {@link Actor} as a parameter of the dashboard's controllers,
 * the security headers, the static files with a year-long cache (URLs carry the content hash) and
 * the message bundle {@code i18n/dashboard*.properties}.
 *
 * <p>Ordered first so that its {@code Actor} resolver, which only answers for dashboard controllers,
 * is asked before the console API's.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardWebConfiguration implements WebMvcConfigurer {

    static final String STATIC_PATH = "/dashboard/static/";
    static final String SIGN_IN_PATH = "/dashboard/signin";
    static final String ACCOUNT_PATH = "/dashboard/account";
    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    static final String UPLOT_SCRIPT = "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";
    static final String UPLOT_STYLE = "/webjars/uplot/1.6.30/dist/uPlot.min.css";

    private final DashboardSessions sessions;

    DashboardWebConfiguration(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(STATIC_PATH + "**")
                .addResourceLocations("classpath:/static/dashboard/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(sessions).addPathPatterns("/dashboard", "/dashboard/**")
                .excludePathPatterns(SIGN_IN_PATH, STATIC_PATH + "**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class
                        && parameter.getContainingClass().getPackageName().startsWith(DashboardWebConfiguration.class.getPackageName());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
                Object actor = request.getAttribute(DashboardSessions.ACTOR, RequestAttributes.SCOPE_REQUEST);
                if (actor instanceof Actor a) {
                    return a;
                }
                throw PorticoException.unauthenticated("Sign in to the dashboard.");
            }
        });
    }

    @Bean
    FilterRegistrationBean<DashboardHeadersFilter> dashboardHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new DashboardHeadersFilter());
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        return registration;
    }

    @Bean
    ResourceBundleMessageSource dashboardMessages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/dashboard");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }
}
