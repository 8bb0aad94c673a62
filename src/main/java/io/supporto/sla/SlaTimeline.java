package io.supporto.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's SLA timeline in Supporto's table (for the API and reports) and mirrors its
 * latest lines in the process variable {@code slaTimeline}, which history keeps, so Cockpit
 * shows why the due dates are what they are.
 */
@Component
public class SlaTimeline {

    public static final String VARIABLE = "slaTimeline";
    /** Camunda keeps string variables up to 4,000 characters. */
    private static final int VARIABLE_LIMIT = 3900;

    private final JdbcClient jdbc;

    public SlaTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(DelegateExecution execution, SlaEvent event) {
        String caseNumber = execution.getProcessBusinessKey();
        jdbc.sql("""
                INSERT INTO sla_event (case_number, at, kind, clock_no, severity, calendar, rule, response_target,
                    internal_target, clock_started_at, first_response_due_at, warning_at, internal_follow_up_at, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, ts(event.at()), event.kind().name(), event.clockNo(), event.severity(),
                        event.calendar(), event.rule(), event.responseTarget(), event.internalTarget(),
                        ts(event.clockStartedAt()), ts(event.firstResponseDueAt()), ts(event.warningAt()),
                        ts(event.internalFollowUpAt()), event.detail())
                .update();
        execution.getProcessInstance().setVariable(VARIABLE, summary(of(caseNumber)));
    }

    public List<SlaEvent> of(String caseNumber) {
        return jdbc.sql("SELECT * FROM sla_event WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query(SlaTimeline::map)
                .list();
    }

    /** Newest lines last, oldest dropped first when the variable would grow too long. */
    static String summary(List<SlaEvent> events) {
        List<String> lines = events.stream().map(e -> e.at() + "  " + e.kind() + "  " + e.detail())
                .collect(Collectors.toList());
        String text = String.join("\n", lines);
        while (text.length() > VARIABLE_LIMIT && lines.size() > 1) {
            lines.remove(0);
            text = "…\n" + String.join("\n", lines);
        }
        return text.length() > VARIABLE_LIMIT ? text.substring(text.length() - VARIABLE_LIMIT) : text;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static SlaEvent map(ResultSet rs, int row) throws SQLException {
        return new SlaEvent(instant(rs, "at"), SlaEventKind.valueOf(rs.getString("kind")), rs.getInt("clock_no"),
                rs.getString("severity"), rs.getString("calendar"), rs.getString("rule"),
                rs.getString("response_target"), rs.getString("internal_target"), instant(rs, "clock_started_at"),
                instant(rs, "first_response_due_at"), instant(rs, "warning_at"), instant(rs, "internal_follow_up_at"),
                rs.getString("detail"));
    }
}
