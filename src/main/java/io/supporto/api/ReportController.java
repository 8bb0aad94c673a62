package io.supporto.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.supporto.cases.NotPermittedException;
import io.supporto.reports.ReportService;
import io.supporto.reports.SlaReport;
import io.supporto.security.SupportUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for support managers and process owners. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    static final int MAX_DAYS = 366;

    private final ReportService reports;
    private final java.time.Clock clock;

    public ReportController(ReportService reports, java.time.Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Cases opened from {@code from} to {@code to} (UTC days, inclusive); default the last 30 days. */
    @GetMapping("/sla")
    @ProblemResponses(403)
    public SlaReport sla(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @AuthenticationPrincipal SupportUser user) {
        if (!user.managesDesk() && !user.isProcessOwner()) {
            throw new NotPermittedException("Reports are for support managers and process owners.");
        }
        LocalDate until = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate since = from != null ? from : until.minusDays(29);
        if (since.isAfter(until)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(since, until) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return reports.sla(since, until);
    }
}
