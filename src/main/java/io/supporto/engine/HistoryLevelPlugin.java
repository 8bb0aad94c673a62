package io.supporto.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/** Makes the history level {@value SupportoHistoryLevel#NAME} known to the engine (camunda.bpm.history-level). */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() != null
                ? new ArrayList<>(configuration.getCustomHistoryLevels()) : new ArrayList<>();
        levels.add(new SupportoHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }
}
