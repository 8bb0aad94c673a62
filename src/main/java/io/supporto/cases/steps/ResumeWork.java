package io.supporto.cases.steps;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resume work": the customer replied (the reply is already in the conversation). */
@Component("resumeWork")
public class ResumeWork implements JavaDelegate {

    private final CaseRepository cases;

    public ResumeWork(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.updateStatus(execution.getProcessBusinessKey(), CaseStatus.ENGAGED);
    }
}
