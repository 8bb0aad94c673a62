package io.supporto.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.commons.utils.cache.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The race of issue 29, made to happen every time: a node loads a process definition that it
 * finds in the database but not in its cache, and a second thread asks for the same definition
 * while the first has put it into the cache but not yet given its job declarations their job
 * definitions. A cache that holds the first thread right after that put keeps the window open.
 * The model is the shape of the case's first response: a user task with a timer boundary event.
 */
class DefinitionCacheRaceTest {

    private static final String KEY = "raced";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PausingCacheFactory caches = new PausingCacheFactory();
    private ProcessEngine engine;

    @AfterEach
    void close() {
        caches.release();
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void camundasOwnCacheHandsOutAHalfLoadedDefinition() throws Exception {
        ProcessEngineConfigurationImpl configuration = configuration();
        configuration.setCacheFactory(caches);
        startWithDefinitionInDatabaseOnly(configuration);

        CompletableFuture<ProcessInstance> first = CompletableFuture.supplyAsync(this::startCase);
        caches.awaitPaused();
        // the second thread finds the half-loaded definition in the cache: its timer job has no definition
        assertThatThrownBy(this::startCase)
                .isInstanceOf(NullValueException.class)
                .hasMessageContaining("processDefinitionId is null");
        caches.release();
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void withTheCompleteDefinitionsCacheTheSecondThreadWaitsForTheFirst() throws Exception {
        ProcessEngineConfigurationImpl configuration = configuration();
        configuration.getProcessEnginePlugins().add(new CompleteDefinitionsPlugin(caches));
        startWithDefinitionInDatabaseOnly(configuration);

        CompletableFuture<ProcessInstance> first = CompletableFuture.supplyAsync(this::startCase);
        caches.awaitPaused();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        CompletableFuture<ProcessInstance> second = CompletableFuture.supplyAsync(() -> {
            secondThread.set(Thread.currentThread());
            return startCase();
        });
        await().atMost(WAIT).until(() -> second.isDone()
                || secondThread.get() != null && secondThread.get().getState() == Thread.State.BLOCKED);
        assertThat(second.isDone())
                .as("second start while the definition is half loaded finished at once with %s",
                        second.isDone() ? startedOrCause(second) : "-")
                .isFalse();

        caches.release();
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(startedOrCause(second)).isInstanceOf(ProcessInstance.class);
        assertThat(engine.getManagementService().createJobQuery().list())
                .as("one breach timer per case, each with its definition")
                .hasSize(2)
                .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isNotNull());
    }

    private ProcessEngineConfigurationImpl configuration() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "race-" + UUID.randomUUID();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("none");
        return configuration;
    }

    /** Deploys the model, then empties the cache: as a node that starts on an existing database. */
    private void startWithDefinitionInDatabaseOnly(ProcessEngineConfigurationImpl configuration) {
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
                .startEvent()
                .userTask("firstResponse")
                .boundaryEvent("Timer_ResponseBreach").cancelActivity(false).timerWithDuration("PT1H")
                .endEvent()
                .moveToActivity("firstResponse")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
        configuration.getDeploymentCache().discardProcessDefinitionCache();
        caches.arm();
    }

    private ProcessInstance startCase() {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY);
    }

    private static Object startedOrCause(CompletableFuture<ProcessInstance> start) throws Exception {
        try {
            return start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Camunda's caches, except that the first process definition put once armed holds its thread until released. */
    static final class PausingCacheFactory implements CacheFactory {

        private final CacheFactory delegate = new DefaultCacheFactory();
        private final AtomicBoolean armed = new AtomicBoolean();
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void arm() {
            armed.set(true);
        }

        void awaitPaused() throws InterruptedException {
            assertThat(paused.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("a thread loading the definition put it into the cache").isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public <T> Cache<String, T> createCache(int maxNumberOfElementsInCache) {
            Cache<String, T> cache = delegate.createCache(maxNumberOfElementsInCache);
            return new Cache<>() {
                @Override
                public T get(String key) {
                    return cache.get(key);
                }

                @Override
                public void put(String key, T value) {
                    cache.put(key, value);
                    if (value instanceof ProcessDefinitionEntity && armed.compareAndSet(true, false)) {
                        paused.countDown();
                        try {
                            released.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void clear() {
                    cache.clear();
                }

                @Override
                public void remove(String key) {
                    cache.remove(key);
                }

                @Override
                public Set<String> keySet() {
                    return cache.keySet();
                }

                @Override
                public int size() {
                    return cache.size();
                }

                @Override
                public boolean isEmpty() {
                    return cache.isEmpty();
                }
            };
        }
    }
}
