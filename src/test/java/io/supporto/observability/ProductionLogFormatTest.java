package io.supporto.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * In production the console log is structured JSON, one object a line, with the case number of
 * the logging context (CaseNumberMdcFilter, the engine's business key) as a field of its own;
 * elsewhere it stays the readable pattern with "[SR-…] ".
 */
class ProductionLogFormatTest {

    static final String FORMAT = "logging.structured.format.console";

    @Test
    void aProductionLogLineIsJsonWithTheCaseNumberAsAField() throws Exception {
        Environment prod = settings("prod");
        StructuredLogEncoder encoder = encoder(prod);
        LoggingEvent event = new LoggingEvent(getClass().getName(),
                new LoggerContext().getLogger("io.supporto.observability.SupportoMetrics"), Level.INFO,
                "Case SR-2026-000042 opened", null, null);
        event.setMDCPropertyMap(Map.of("caseNumber", "SR-2026-000042"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("[SR-2026-000042] ");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("caseNumber").asText()).as(line).isEqualTo("SR-2026-000042");
        assertThat(json.path("message").asText()).isEqualTo("Case SR-2026-000042 opened");
        assertThat(json.path("log").path("level").asText()).as(line).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asText()).as(line).isEqualTo("supporto");
    }

    @Test
    void outsideProductionTheLogStaysText() {
        assertThat(settings("").getProperty(FORMAT)).isNull();
        assertThat(settings("demo").getProperty(FORMAT)).isNull();
    }

    /** The encoder Boot's structured console appender uses, for the format these settings name. */
    static StructuredLogEncoder encoder(Environment settings) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), settings);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(settings.getRequiredProperty(FORMAT));
        encoder.start();
        return encoder;
    }

    /** The settings as Spring Boot reads them for these profiles (application.yaml, then each profile's file). */
    static Environment settings(String profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null,
                profiles.isEmpty() ? Set.of() : Set.of(profiles.split(",")));
        return environment;
    }
}
