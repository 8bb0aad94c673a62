package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.AVAILABILITY;
import static io.supporto.cases.CaseVariables.CLOCK_STARTED_AT;
import static io.supporto.cases.CaseVariables.COUNTRY;
import static io.supporto.cases.CaseVariables.FIRST_RESPONSE_DUE_AT;
import static io.supporto.cases.CaseVariables.INTERNAL_FOLLOW_UP_AT;
import static io.supporto.cases.CaseVariables.INTERNAL_TARGET;
import static io.supporto.cases.CaseVariables.RESPONSE_TARGET;
import static io.supporto.cases.CaseVariables.TIME_ZONE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import io.supporto.cases.CaseRepository;
import io.supporto.sla.Availability;
import io.supporto.sla.ResponseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Engage support team": the admin asked for Microsoft's help, so the response clock starts and
 * the case gets the due dates its target gives (none where there is no commitment).
 */
@Component("engageSupport")
public class EngageSupport implements JavaDelegate {

    private final CaseRepository cases;
    private final ResponseClock responseClock;
    private final Clock clock;

    public EngageSupport(CaseRepository cases, ResponseClock responseClock, Clock clock) {
        this.cases = cases;
        this.responseClock = responseClock;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant start = clock.instant();
        Availability availability = Availability.ofCode((String) execution.getVariable(AVAILABILITY));
        ZoneId zone = ZoneId.of((String) execution.getVariable(TIME_ZONE));
        String country = (String) execution.getVariable(COUNTRY);
        Instant responseDue = dueAt(start, (String) execution.getVariable(RESPONSE_TARGET), availability, zone, country);
        Instant followUp = dueAt(start, (String) execution.getVariable(INTERNAL_TARGET), availability, zone, country);

        execution.setVariable(CLOCK_STARTED_AT, Date.from(start));
        execution.setVariable(FIRST_RESPONSE_DUE_AT, responseDue == null ? null : Date.from(responseDue));
        execution.setVariable(INTERNAL_FOLLOW_UP_AT, followUp == null ? null : Date.from(followUp));
        cases.engage(execution.getProcessBusinessKey(), start, responseDue, followUp);
    }

    private Instant dueAt(Instant start, String target, Availability availability, ZoneId zone, String country) {
        return target == null ? null : responseClock.dueAt(start, Duration.parse(target), availability, zone, country);
    }
}
