package io.portico.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import io.swagger.v3.oas.annotations.Hidden;

/** Any other path under {@code /portal/}: a friendly page in the phone's language, not a JSON error. */
@Controller
@Hidden
class PortalFallbackController {

    private final PortalPages pages;

    PortalFallbackController(PortalPages pages) {
        this.pages = pages;
    }

    @RequestMapping("/portal/**")
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return pages.notice(model, PortalLook.DEFAULT, request, "Wi-Fi", "error.title", "error.notFound");
    }
}
