package io.supporto.sla;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Listens on the SLA timers of the model and writes what they did to the SLA timeline. */
@Component("recordSlaTimer")
public class RecordSlaTimer implements ExecutionListener {

    private final SlaClockKeeper keeper;
    private final Clock clock;

    public RecordSlaTimer(SlaClockKeeper keeper, Clock clock) {
        this.keeper = keeper;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        SlaEventKind kind = switch (execution.getCurrentActivityId()) {
            case "Timer_ResponseWarning" -> SlaEventKind.WARNING_SENT;
            case "Timer_ResponseBreach" -> SlaEventKind.BREACHED;
            case "Timer_InternalFollowUp" -> SlaEventKind.REMINDER_SENT;
            default -> throw new IllegalStateException("Not an SLA timer: " + execution.getCurrentActivityId());
        };
        keeper.timerFired(execution, clock.instant(), kind);
    }
}
