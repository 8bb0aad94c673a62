package io.supporto.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.BpmnModelInstanceCache;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.ProcessDefinitionCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * Closes a race in Camunda's deployment cache. A node that finds a process definition in the
 * database but not in its cache (every definition after a restart, one that another node
 * deployed) parses it and puts it into the cache <em>before</em> it gives the definition's job
 * declarations the ids of their job definitions ({@code AbstractDefinitionDeployer#registerDefinition},
 * then {@code BpmnDeployer#updateJobDeclarations}). A thread that looks the definition up in that
 * moment takes it from the cache as it is, and the first job it creates (an async continuation, a
 * timer) has no process definition: "Invalid process definition id: processDefinitionId is null"
 * from {@code DefaultJobRetryCmd.getCurrentActivity}, and the request fails.
 *
 * <p>Here a definition found in the cache is used as it is only once the thread that loaded it has
 * finished; until then, other threads wait on the same monitor as the loading thread (Camunda's
 * own {@code synchronized (this)} in {@code ResourceDefinitionCache#resolveDefinition}).
 * {@link DeployedDefinitionsWarmUp} loads everything at start besides, so a fresh node does not
 * parse its models under its first requests.
 */
@Component
public class CompleteDefinitionsPlugin extends AbstractProcessEnginePlugin {

    /** Camunda's default ({@code ProcessEngineConfigurationImpl#cacheCapacity}), which the app does not change. */
    static final int CACHE_CAPACITY = 1000;

    private final CacheFactory cacheFactory;

    public CompleteDefinitionsPlugin() {
        this(new DefaultCacheFactory());
    }

    /** With the cache factory Camunda would use (its default: the app sets none). */
    CompleteDefinitionsPlugin(CacheFactory cacheFactory) {
        this.cacheFactory = cacheFactory;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after initDeployers: the engine's deployers, which the cache needs to load definitions
        DeploymentCache cache = new CompleteDefinitionsDeploymentCache(cacheFactory, CACHE_CAPACITY);
        cache.setDeployers(configuration.getDeployers());
        configuration.setDeploymentCache(cache);
    }

    /** Camunda's deployment cache with {@link CompleteProcessDefinitionCache} for process definitions. */
    static class CompleteDefinitionsDeploymentCache extends DeploymentCache {

        CompleteDefinitionsDeploymentCache(CacheFactory factory, int capacity) {
            super(factory, capacity);
            processDefinitionEntityCache = new CompleteProcessDefinitionCache(factory, capacity, cacheDeployer);
            bpmnModelInstanceCache = new BpmnModelInstanceCache(factory, capacity, processDefinitionEntityCache);
        }
    }

    /** Hands out a cached process definition only once it is completely loaded. */
    static class CompleteProcessDefinitionCache extends ProcessDefinitionCache {

        /** The entries whose loading has finished, by id (an entry loaded again is a new object). */
        private final Map<String, ProcessDefinitionEntity> complete = new ConcurrentHashMap<>();

        CompleteProcessDefinitionCache(CacheFactory factory, int capacity, CacheDeployer deployer) {
            super(factory, capacity, deployer);
        }

        @Override
        public ProcessDefinitionEntity resolveDefinition(ProcessDefinitionEntity definition) {
            ProcessDefinitionEntity cached = cache.get(definition.getId());
            if (cached != null && cached == complete.get(definition.getId())) {
                return super.resolveDefinition(definition);
            }
            synchronized (this) {
                ProcessDefinitionEntity resolved = super.resolveDefinition(definition);
                complete.put(definition.getId(), resolved);
                return resolved;
            }
        }

        /** Camunda's look-up without loading (a previous version of a definition): a half-loaded entry is not there yet. */
        @Override
        public ProcessDefinitionEntity findDefinitionFromCache(String id) {
            ProcessDefinitionEntity cached = super.findDefinitionFromCache(id);
            return cached != null && cached == complete.get(id) ? cached : null;
        }

        @Override
        public void removeDefinitionFromCache(String id) {
            complete.remove(id);
            super.removeDefinitionFromCache(id);
        }

        @Override
        public void clear() {
            complete.clear();
            super.clear();
        }
    }
}
