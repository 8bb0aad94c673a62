package io.supporto.cases.steps;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close as out of scope": not a support case; the admin is told why and where to go instead. */
@Component("closeOutOfScope")
public class CloseOutOfScope implements JavaDelegate {

    private final CaseRepository cases;
    private final Clock clock;

    public CloseOutOfScope(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.closeOutOfScope(execution.getProcessBusinessKey(), (String) execution.getVariable("referral"),
                (String) execution.getVariable("referralUrl"), clock.instant());
    }
}
