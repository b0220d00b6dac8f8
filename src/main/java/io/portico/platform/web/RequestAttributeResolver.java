package io.portico.platform.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.portico.platform.PorticoException;

/**
 * Hands controllers the caller a facade's filter authenticated (an {@code Actor}, a
 * {@code ClientPrincipal}) as a method parameter of that type, read from a request attribute.
 * The OpenAPI document leaves such parameters out.
 */
public final class RequestAttributeResolver<T> implements HandlerMethodArgumentResolver {

    private final Class<T> type;
    private final String attribute;
    private final String missingMessage;

    public RequestAttributeResolver(Class<T> type, String attribute, String missingMessage) {
        // Filled by the facade's filter, never sent by the caller: keep it out of the OpenAPI parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(type);
        this.type = type;
        this.attribute = attribute;
        this.missingMessage = missingMessage;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (!type.isInstance(value)) {
            throw PorticoException.unauthenticated(missingMessage);
        }
        return value;
    }
}
