package io.supporto.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Loads every deployed process, decision and decision requirements definition into the engine's
 * cache while the node starts, after the engine has deployed the models and before the web server
 * and the job executor start. Camunda fills the cache on first use otherwise: a node that started
 * on an existing database would parse its models under its first burst of requests, and before
 * {@link CompleteDefinitionsPlugin} that burst raced in the cache (issue 29).
 *
 * <p>It is also the {@code deployedDefinitions} health component of the {@code node} group: UP
 * with the counts once everything is loaded, DOWN before, or when a definition could not be
 * loaded (this node cannot run its cases).
 */
@Component("deployedDefinitions")
class DeployedDefinitionsWarmUp extends AbstractHealthIndicator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeployedDefinitionsWarmUp.class);

    private final ProcessEngineConfigurationImpl engine;
    private volatile Health outcome = Health.down().withDetail("reason", "definitions not loaded yet").build();

    DeployedDefinitionsWarmUp(ProcessEngineConfigurationImpl engine) {
        super("Deployed definitions could not be reported");
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        RepositoryService repository = engine.getRepositoryService();
        DeploymentCache cache = engine.getDeploymentCache();
        List<String> failed = new ArrayList<>();
        int processes = load(repository.createProcessDefinitionQuery().list(),
                (definition, c) -> c.findDeployedProcessDefinitionById(definition.getId()), cache, failed);
        int requirements = load(repository.createDecisionRequirementsDefinitionQuery().list(),
                (definition, c) -> c.findDeployedDecisionRequirementsDefinitionById(definition.getId()), cache, failed);
        int decisions = load(repository.createDecisionDefinitionQuery().list(),
                (definition, c) -> c.findDeployedDecisionDefinitionById(definition.getId()), cache, failed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Health.Builder health = failed.isEmpty() ? Health.up() : Health.down().withDetail("failed", failed);
        outcome = health.withDetail("processDefinitions", processes)
                .withDetail("decisionRequirementsDefinitions", requirements)
                .withDetail("decisionDefinitions", decisions)
                .withDetail("loadedInMillis", millis)
                .build();
        log.info("Loaded {} process, {} decision requirements and {} decision definition(s) into the deployment cache"
                + " in {} ms{}", processes, requirements, decisions, millis,
                failed.isEmpty() ? "" : "; could not load " + failed);
    }

    private <D extends ResourceDefinition> int load(List<D> definitions, BiConsumer<D, DeploymentCache> loader,
                                                    DeploymentCache cache, List<String> failed) {
        int loaded = 0;
        for (D definition : definitions) {
            try {
                engine.getCommandExecutorTxRequired().execute(context -> {
                    loader.accept(definition, cache);
                    return null;
                });
                loaded++;
            } catch (RuntimeException e) {
                log.error("Could not load {} (resource {} of deployment {})", definition.getId(),
                        definition.getResourceName(), definition.getDeploymentId(), e);
                failed.add(definition.getId());
            }
        }
        return loaded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Health health = outcome;
        builder.status(health.getStatus()).withDetails(health.getDetails());
    }
}
