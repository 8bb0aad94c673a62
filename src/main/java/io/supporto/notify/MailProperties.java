package io.supporto.notify;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code support.mail.*}: the sender, the domain of Message-IDs, the retry cycle of a failing
 * delivery, and the internal mailboxes (per team, and the support managers').
 */
@ConfigurationProperties("support.mail")
public record MailProperties(
        @DefaultValue("Supporto <support@supporto.example>") String from,
        @DefaultValue("supporto.example") String messageIdDomain,
        @DefaultValue("R5/PT2M") String retryCycle,
        Map<String, String> teamMailboxes,
        @DefaultValue("support-managers@supporto.example") String managersEmail) {

    public MailProperties {
        teamMailboxes = teamMailboxes == null ? Map.of() : Map.copyOf(teamMailboxes);
    }
}
