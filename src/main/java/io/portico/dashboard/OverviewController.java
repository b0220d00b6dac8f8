package io.portico.dashboard;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;
import io.portico.platform.Actor;

/** The overview: the operator's figures of today and the last 30 days. */
@Controller
@Hidden
class OverviewController extends DashboardErrorPages {

    OverviewController(DashboardPages pages) {
        super(pages);
    }

    @GetMapping("/dashboard/overview")
    String overview(Actor actor, HttpServletRequest request, Model model) {
        actor.require(DashboardSection.OVERVIEW.permission());
        model.addAttribute("page", pages.page(request, actor, DashboardSection.OVERVIEW, "nav.overview"));
        return "dashboard/overview";
    }
}
