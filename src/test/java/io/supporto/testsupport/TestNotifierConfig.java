package io.supporto.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration
public class TestNotifierConfig {

    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
        return new RecordingNotifier();
    }
}
