package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.REOPEN_COUNT;
import static io.supporto.cases.CaseVariables.REOPENABLE_UNTIL;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SurveyRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reopen case": same number, same severity, back to engagement; the survey of the closure that
 * did not hold is withdrawn if nobody answered it.
 */
@Component("reopenCase")
public class ReopenCase implements JavaDelegate {

    private final CaseRepository cases;
    private final SurveyRepository surveys;

    public ReopenCase(CaseRepository cases, SurveyRepository surveys) {
        this.cases = cases;
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        cases.reopen(caseNumber);
        surveys.cancelPending(caseNumber);
        execution.setVariable(REOPEN_COUNT, cases.find(caseNumber).map(SupportCase::reopenCount).orElseThrow());
        execution.removeVariable(REOPENABLE_UNTIL);
    }
}
