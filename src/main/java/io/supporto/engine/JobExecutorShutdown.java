package io.supporto.engine;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that is stopped (a deployment, a rolling restart) hands its jobs over at once instead of
 * leaving them locked until their locks expire (60 s in the cluster profile, 5 minutes alone).
 *
 * <p>Left to itself, Spring closes the connection pool while job threads still run: their jobs
 * fail and stay locked (a mail delivery that had sent its mail cannot record it, and would send it
 * again when run a second time), and the jobs the node had acquired but not started stay locked
 * too, a breach alert among them late by the whole lock time. So, before anything else is shut
 * down: stop acquiring (jobs acquired and queued then unlock themselves instead of running), let
 * the job threads finish within {@code support.job-executor.shutdown-grace}, and unlock what the
 * acquisition still held for threads that were busy (Camunda keeps those only in memory).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobExecutorShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

    private final ApplicationContext context;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ObjectProvider<TaskExecutor> jobThreads;
    private final JdbcClient jdbc;
    private final JobExecutorProperties properties;

    JobExecutorShutdown(ApplicationContext context, ProcessEngineConfigurationImpl engineConfiguration,
                        @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
                        JdbcClient jdbc, JobExecutorProperties properties) {
        this.context = context;
        this.engineConfiguration = engineConfiguration;
        this.jobThreads = jobThreads;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        if (event.getApplicationContext() != context || jobExecutor == null || !jobExecutor.isActive()
                || !(jobThreads.getIfAvailable() instanceof ThreadPoolTaskExecutor pool)) {
            return;
        }
        jobExecutor.shutdown();
        ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
        int running = threads.getActiveCount();
        int queued = threads.getQueue().size();
        threads.shutdown();
        long grace = properties.shutdownGrace().toMillis();
        log.info("Job executor stopped; waiting up to {} ms for {} running job(s) to finish and {} queued job(s) to unlock",
                grace, running, queued);
        try {
            if (!threads.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
                // a job still runs and holds its lock: unlocking it could make another node run it twice
                log.warn("Job threads still busy after {} ms; their jobs and those waiting for them stay locked"
                        + " until their locks expire", grace);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int unlocked = jdbc.sql("update " + engineConfiguration.getDatabaseTablePrefix() + "ACT_RU_JOB"
                        + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?")
                .param(jobExecutor.getLockOwner())
                .update();
        log.info("Job threads done; {} acquired job(s) that had no thread unlocked for other nodes", unlocked);
    }
}
