package io.supporto.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporto.notify.MailNotifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Tests send real mail to a real SMTP server (GreenMail on a free port) and also record which
 * notifications the process asked for.
 */
@TestConfiguration
public class TestNotifierConfig {

    @Bean
    @Primary
    RecordingNotifier recordingNotifier(MailNotifier mailNotifier) {
        return new RecordingNotifier(mailNotifier);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail testSmtpServer() {
        return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    @Bean
    DynamicPropertyRegistrar smtpPort(GreenMail testSmtpServer) {
        return registry -> {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> testSmtpServer.getSmtp().getPort());
        };
    }
}
