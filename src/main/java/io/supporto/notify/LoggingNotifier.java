package io.supporto.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes each notification to the log instead of sending it. */
@Component
public class LoggingNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void send(NotificationType type, String caseNumber) {
        log.info("Notification {} for case {} to the {}", type, caseNumber, type.audience());
    }
}
