package io.supporto.cases.steps;

import java.time.Clock;

import io.supporto.sla.SlaClockKeeper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Engage support team": the admin asked for Microsoft's help (or reopened the case), so a
 * response clock starts with the due dates its target gives; none where there is no commitment.
 */
@Component("engageSupport")
public class EngageSupport implements JavaDelegate {

    private final SlaClockKeeper clockKeeper;
    private final Clock clock;

    public EngageSupport(SlaClockKeeper clockKeeper, Clock clock) {
        this.clockKeeper = clockKeeper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clockKeeper.start(execution, clock.instant());
    }
}
