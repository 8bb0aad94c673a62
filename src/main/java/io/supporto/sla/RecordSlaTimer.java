package io.supporto.sla;

import java.time.Clock;

import io.supporto.observability.SupportoMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes what an SLA timer did to the timeline. The model calls it on the sequence flow that
 * leaves each SLA timer, which is taken only when the timer fired, never when it is cancelled.
 */
@Component("recordSlaTimer")
public class RecordSlaTimer {

    private final SlaClockKeeper keeper;
    private final Clock clock;
    private final SupportoMetrics metrics;

    public RecordSlaTimer(SlaClockKeeper keeper, Clock clock, SupportoMetrics metrics) {
        this.keeper = keeper;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void fired(DelegateExecution execution, String kind) {
        keeper.timerFired(execution, clock.instant(), SlaEventKind.valueOf(kind));
        metrics.slaTimerFired(kind);
    }
}
