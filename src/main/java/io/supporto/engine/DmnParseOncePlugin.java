package io.supporto.engine;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decision tables the {@link ParsingOnceFeelEngine}
 * ({@code support.engine.feel-parse-once=false} leaves Camunda's own, as the benchmark's "stock" run does).
 */
@Component
@ConditionalOnProperty(name = "support.engine.feel-parse-once", havingValue = "true", matchIfMissing = true)
public class DmnParseOncePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        List<org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider> functions =
                configuration.getDmnFeelCustomFunctionProviders() != null
                        ? configuration.getDmnFeelCustomFunctionProviders() : List.of();
        dmn.setFeelEngineFactory(new ParsingOnceFeelEngine.Factory(functions));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
