package io.supporto.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.supporto.security.SupportUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The SLA dashboard page for process owners and support managers; its charts read /api/reports/sla. */
@Controller
public class DashboardController {

    private final Clock clock;

    public DashboardController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    public String dashboard(@AuthenticationPrincipal SupportUser user, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("user", user.id());
        model.addAttribute("from", today.minusDays(29));
        model.addAttribute("to", today);
        return "dashboard";
    }
}
