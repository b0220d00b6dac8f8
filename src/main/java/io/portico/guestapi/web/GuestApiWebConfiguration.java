package io.portico.guestapi.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.portico.identity.ClientPrincipal;
import io.portico.platform.PorticoException;

/** Lets guest API controllers take the authenticated {@link ClientPrincipal} as a parameter. */
@Configuration(proxyBeanMethods = false)
class GuestApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ClientPrincipal.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
                Object principal = request.getAttribute(GuestApiAuthenticationFilter.PRINCIPAL, RequestAttributes.SCOPE_REQUEST);
                if (principal == null) {
                    throw PorticoException.unauthenticated("API token is missing.");
                }
                return principal;
            }
        });
    }
}
