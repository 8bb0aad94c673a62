package io.supporto.cases.steps;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close case for good": the reopen window ended, the case is FINAL. */
@Component("finalizeCase")
public class FinalizeCase implements JavaDelegate {

    private final CaseRepository cases;
    private final Clock clock;

    public FinalizeCase(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.makeFinal(execution.getProcessBusinessKey(), clock.instant());
    }
}
