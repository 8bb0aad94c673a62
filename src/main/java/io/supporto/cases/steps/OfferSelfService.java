package io.supporto.cases.steps;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Offer self-service": the admin tries the self-service resources before Microsoft engages. */
@Component("offerSelfService")
public class OfferSelfService implements JavaDelegate {

    private final CaseRepository cases;

    public OfferSelfService(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.updateStatus(execution.getProcessBusinessKey(), CaseStatus.SELF_SERVICE);
    }
}
