package io.supporto.sla;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.SupportCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Recompute due dates": the severity changed before the first response. */
@Component("recomputeDueDates")
public class RecomputeDueDates implements JavaDelegate {

    private final SlaClockKeeper keeper;
    private final CaseRepository cases;
    private final Clock clock;

    public RecomputeDueDates(SlaClockKeeper keeper, CaseRepository cases, Clock clock) {
        this.keeper = keeper;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var before = cases.find(execution.getProcessBusinessKey()).map(SupportCase::severity).orElse(null);
        keeper.replan(execution, clock.instant(), before);
    }
}
