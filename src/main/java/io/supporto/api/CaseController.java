package io.supporto.api;

import java.net.URI;
import java.util.List;

import io.supporto.api.CaseRequests.OpenCaseRequest;
import io.supporto.api.CaseRequests.ReclassifyRequest;
import io.supporto.api.CaseRequests.ReopenRequest;
import io.supporto.api.CaseRequests.ReplyRequest;
import io.supporto.api.CaseRequests.SelfServiceRequest;
import io.supporto.api.CaseRequests.SurveyRequest;
import io.supporto.cases.CaseMessage;
import io.supporto.cases.CaseNotFoundException;
import io.supporto.cases.SupportCaseService;
import io.supporto.cases.CaseStatus;
import io.supporto.security.SupportUser;
import io.supporto.sla.SlaEvent;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private static final String CASE_NUMBER = "SR-\\d{4}-\\d{6,}";

    private final SupportCaseService cases;

    public CaseController(SupportCaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Opened, once its process reached its first wait state;"
            + " Location names the case")
    @ProblemResponses(403)
    public ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest body, @AuthenticationPrincipal SupportUser user) {
        CaseView view = CaseView.of(cases.open(body.toOpenCase(), user));
        return ResponseEntity.created(URI.create("/api/cases/" + view.caseNumber())).body(view);
    }

    @GetMapping
    public List<CaseView> list(@RequestParam(required = false) String organization,
                               @RequestParam(required = false) CaseStatus status,
                               @AuthenticationPrincipal SupportUser user) {
        // the contract's template "?organization=&status=" sends empty values: they mean "any"
        String org = organization == null || organization.isBlank() ? null : organization;
        return cases.list(org, status, user).stream().map(CaseView::of).toList();
    }

    @GetMapping("/{caseNumber}")
    public CaseView view(@PathVariable String caseNumber, @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.view(checked(caseNumber), user));
    }

    @GetMapping("/{caseNumber}/messages")
    public List<CaseMessage> messages(@PathVariable String caseNumber, @AuthenticationPrincipal SupportUser user) {
        return cases.conversation(checked(caseNumber), user);
    }

    @PostMapping("/{caseNumber}/self-service")
    @ProblemResponses({403, 409})
    public CaseView selfService(@PathVariable String caseNumber, @Valid @RequestBody SelfServiceRequest body,
                                @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.recordSelfServiceOutcome(checked(caseNumber), body.outcome(), user));
    }

    @PostMapping("/{caseNumber}/replies")
    @ProblemResponses({403, 409})
    public CaseView reply(@PathVariable String caseNumber, @Valid @RequestBody ReplyRequest body,
                          @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.reply(checked(caseNumber), body.message(), user));
    }

    @PostMapping("/{caseNumber}/reopen")
    @ProblemResponses({403, 409})
    public CaseView reopen(@PathVariable String caseNumber, @Valid @RequestBody ReopenRequest body,
                           @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.reopen(checked(caseNumber), body.reason(), user));
    }

    @PostMapping("/{caseNumber}/survey")
    @ProblemResponses({403, 409})
    public CaseView survey(@PathVariable String caseNumber, @Valid @RequestBody SurveyRequest body,
                           @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.answerSurvey(checked(caseNumber), body.rating(), body.comment(), user));
    }

    @PostMapping("/{caseNumber}/severity")
    @ProblemResponses({403, 409})
    public CaseView reclassify(@PathVariable String caseNumber, @Valid @RequestBody ReclassifyRequest body,
                               @AuthenticationPrincipal SupportUser user) {
        return CaseView.of(cases.reclassify(checked(caseNumber), body.severity(), body.reason(), user));
    }

    /** The SLA timeline: clock starts and stops, due dates with calendar and rule, warnings, breaches. */
    @GetMapping("/{caseNumber}/timeline")
    public List<SlaEvent> timeline(@PathVariable String caseNumber, @AuthenticationPrincipal SupportUser user) {
        return cases.timeline(checked(caseNumber), user);
    }

    /** A malformed number names no case anybody can see. */
    private static String checked(String caseNumber) {
        if (!caseNumber.matches(CASE_NUMBER)) {
            throw new CaseNotFoundException(caseNumber.length() > 40 ? caseNumber.substring(0, 40) : caseNumber);
        }
        return caseNumber;
    }
}
