package io.portico.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.portico.identity.TwoFactorService;
import io.portico.platform.Actor;

/**
 * Sends an administrator whom the operator requires to use two-factor sign-in, and who has not
 * turned it on, to the enrolment page before any other dashboard page. Runs after
 * {@link DashboardSessions} (registered by a later configurer), which has put the
 * {@link Actor} on the request.
 */
@Component
class TwoFactorEnrolmentCheck implements HandlerInterceptor, WebMvcConfigurer {

    private final TwoFactorService twoFactor;

    TwoFactorEnrolmentCheck(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/dashboard", "/dashboard/**")
                .excludePathPatterns(DashboardWebConfiguration.SIGN_IN_PATH, DashboardWebConfiguration.SIGN_IN_PATH + "/**",
                        DashboardWebConfiguration.STATIC_PATH + "**", TwoFactorController.PATH, TwoFactorController.PATH + "/**",
                        "/dashboard/signout");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(DashboardSessions.ACTOR) instanceof Actor actor && twoFactor.status(actor).mustEnrol()) {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", TwoFactorController.PATH);
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader(HttpHeaders.LOCATION, TwoFactorController.PATH);
            }
            return false;
        }
        return true;
    }
}
