package io.supporto.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.time.Instant;
import java.util.Date;

import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseService;
import io.supporto.security.SupportUser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base class of the process scenario tests: the engine and the services they drive, the engine's
 * clock under the test's control (set to {@link #start()} before each test, reset after it) and
 * the lookups and steps every scenario uses. A subclass's own {@code @BeforeEach} runs after the
 * clock is set.
 */
@SupportoTest
public abstract class ProcessScenario {

    /** Monday 2 March 2026, 10:00 in Rome. */
    protected static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired protected ProcessEngine engine;
    @Autowired protected SupportCaseService cases;
    @Autowired protected Fixtures fixtures;
    @Autowired protected RecordingNotifier notifier;

    /** Where the engine's clock stands when each test begins; {@link #MONDAY_10_00} unless overridden. */
    protected Instant start() {
        return MONDAY_10_00;
    }

    @BeforeEach
    protected final void initEngineAndClock() {
        BpmnAwareTests.init(engine);
        setClock(start());
    }

    @AfterEach
    protected final void resetClock() {
        ClockUtil.reset();
    }

    protected static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Opens a case as {@code admin} and returns its number. */
    protected String open(SupportUser admin, Fixtures.CaseRequest request) {
        return cases.open(request.build(), admin).supportCase().caseNumber();
    }

    /** The case as {@code user} sees it. */
    protected SupportCase view(String caseNumber, SupportUser user) {
        return cases.view(caseNumber, user).supportCase();
    }

    /** The running process instance of the case. */
    protected ProcessInstance instanceOf(String caseNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    /** How many jobs of the instance wait at {@code activityId}. */
    protected static long jobs(String activityId, ProcessInstance instance) {
        return jobQuery().processInstanceId(instance.getId()).activityId(activityId).count();
    }

    /** The timer must be due at {@code due}: the clock moves there and the timer fires. */
    protected static void fire(String timer, ProcessInstance instance, Instant due) {
        Job job = job(timer, instance);
        assertThat(job.getDuedate()).as(timer + " due date").isEqualTo(Date.from(due));
        setClock(due);
        execute(job);
    }
}
