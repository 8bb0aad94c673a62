package io.supporto.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges the app's working rows after {@code support.retention.*}: sent mails of ended cases and
 * used or expired action links. A case's own record (the case, its conversation, its timeline,
 * its survey) stays: it is the customer's history. Every node runs it; the deletes are idempotent.
 */
@Component
class DataRetention {

    private static final Logger log = LoggerFactory.getLogger(DataRetention.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    DataRetention(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Purged(int sentMails, int links) {
    }

    @Scheduled(cron = "${support.retention.cron}", zone = "UTC")
    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        int mails = jdbc.sql("""
                        DELETE FROM mail_outbox WHERE sent_at < ? AND case_number IN
                            (SELECT case_number FROM support_case WHERE status IN ('FINAL', 'OUT_OF_SCOPE'))""")
                .param(Timestamp.from(now.minus(properties.sentMail())))
                .update();
        Timestamp linksBefore = Timestamp.from(now.minus(properties.links()));
        int links = jdbc.sql("DELETE FROM action_link WHERE used_at < ? OR (used_at IS NULL AND expires_at < ?)")
                .params(linksBefore, linksBefore)
                .update();
        if (mails > 0 || links > 0) {
            log.info("Retention: purged {} sent mail(s) older than {} of ended cases and {} action link(s) used or"
                    + " expired over {} ago", mails, properties.sentMail(), links, properties.links());
        }
        return new Purged(mails, links);
    }
}
