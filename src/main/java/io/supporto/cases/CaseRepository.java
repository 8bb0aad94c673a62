package io.supporto.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.supporto.organizations.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the support_case table; each update names the business fact it records. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SupportCase c) {
        jdbc.sql("""
                INSERT INTO support_case (case_number, organization_id, opened_by, category, service, title,
                    description, service_usable, impact_scope, business_impact, workaround_available,
                    requested_severity, self_service_tried, contact_name, contact_email, contact_phone,
                    plan, elevated_support, status, out_of_scope_reason, opened_at, language)
                VALUES (:caseNumber, :org, :openedBy, :category, :service, :title, :description, :usable,
                    :scope, :impact, :workaround, :requested, :tried, :contactName, :contactEmail,
                    :contactPhone, :plan, :elevated, :status, :outOfScope, :openedAt, :language)""")
                .param("caseNumber", c.caseNumber())
                .param("org", c.organization())
                .param("openedBy", c.openedBy())
                .param("category", c.category().name())
                .param("service", c.service())
                .param("title", c.title())
                .param("description", c.description())
                .param("usable", c.impact().serviceUsable())
                .param("scope", c.impact().scope().name())
                .param("impact", c.impact().businessImpact().name())
                .param("workaround", c.impact().workaroundAvailable())
                .param("requested", name(c.requestedSeverity()))
                .param("tried", c.selfServiceTried())
                .param("contactName", c.contact().name())
                .param("contactEmail", c.contact().email())
                .param("contactPhone", c.contact().phone())
                .param("plan", c.plan().name())
                .param("elevated", c.elevatedSupport())
                .param("status", c.status().name())
                .param("outOfScope", name(c.outOfScopeReason()))
                .param("openedAt", ts(c.openedAt()))
                .param("language", c.language())
                .update();
    }

    public Optional<SupportCase> find(String caseNumber) {
        return jdbc.sql("SELECT * FROM support_case WHERE case_number = ?")
                .param(caseNumber)
                .query(CaseRepository::map)
                .optional();
    }

    /** Newest first; organizations null means any, status null means any. */
    public List<SupportCase> list(List<String> organizations, CaseStatus status, List<Category> categories,
                                  int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM support_case WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (organizations != null) {
            if (organizations.isEmpty()) {
                return List.of();
            }
            sql.append(" AND organization_id IN (").append(placeholders(organizations.size())).append(')');
            params.addAll(organizations);
        }
        if (categories != null) {
            if (categories.isEmpty()) {
                return List.of();
            }
            sql.append(" AND category IN (").append(placeholders(categories.size())).append(')');
            categories.forEach(c -> params.add(c.name()));
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY opened_at DESC, case_number DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(CaseRepository::map).list();
    }

    public void recordTriage(String caseNumber, Severity severity, String availability, String responseTarget,
                             String internalTarget, boolean interpreterRequired) {
        jdbc.sql("""
                UPDATE support_case SET severity = ?, availability = ?, response_target = ?, internal_target = ?,
                       interpreter_required = ? WHERE case_number = ?""")
                .params(severity.name(), availability, responseTarget, internalTarget, interpreterRequired,
                        caseNumber)
                .update();
    }

    public void updateStatus(String caseNumber, CaseStatus status) {
        jdbc.sql("UPDATE support_case SET status = ? WHERE case_number = ?")
                .params(status.name(), caseNumber)
                .update();
    }

    /** Starts a response clock: the case is engaged and its due dates are the ones given. */
    public void engage(String caseNumber, Instant clockStart, Instant firstResponseDueAt, Instant warningAt,
                       Instant internalFollowUpAt, String targetRule) {
        jdbc.sql("""
                UPDATE support_case SET status = 'ENGAGED', engaged_at = COALESCE(engaged_at, ?),
                       clock_started_at = ?, first_response_due_at = ?, response_warning_at = ?,
                       internal_follow_up_at = ?, target_rule = ?, first_responded_at = NULL
                 WHERE case_number = ?""")
                .params(ts(clockStart), ts(clockStart), ts(firstResponseDueAt), ts(warningAt),
                        ts(internalFollowUpAt), targetRule, caseNumber)
                .update();
    }

    /** A reclassification before the first response: new severity, targets and due dates, same clock. */
    public void replan(String caseNumber, Severity severity, String availability, String responseTarget,
                       String internalTarget, String targetRule, Instant firstResponseDueAt, Instant warningAt,
                       Instant internalFollowUpAt) {
        jdbc.sql("""
                UPDATE support_case SET severity = ?, availability = ?, response_target = ?, internal_target = ?,
                       target_rule = ?, first_response_due_at = ?, response_warning_at = ?, internal_follow_up_at = ?
                 WHERE case_number = ?""")
                .params(severity.name(), availability, responseTarget, internalTarget, targetRule,
                        ts(firstResponseDueAt), ts(warningAt), ts(internalFollowUpAt), caseNumber)
                .update();
    }

    public void recordFirstResponse(String caseNumber, Instant at) {
        jdbc.sql("UPDATE support_case SET first_responded_at = ? WHERE case_number = ?")
                .params(ts(at), caseNumber)
                .update();
    }

    public void markBreached(String caseNumber) {
        jdbc.sql("UPDATE support_case SET sla_breached = TRUE WHERE case_number = ?").param(caseNumber).update();
    }

    public void close(String caseNumber, Instant closedAt, ClosureReason reason, String resolution,
                      Instant reopenableUntil) {
        jdbc.sql("""
                UPDATE support_case SET status = 'CLOSED', closed_at = ?, closure_reason = ?, resolution = ?,
                       reopenable_until = ? WHERE case_number = ?""")
                .params(ts(closedAt), reason.name(), resolution, ts(reopenableUntil), caseNumber)
                .update();
    }

    public void reopen(String caseNumber) {
        jdbc.sql("""
                UPDATE support_case SET reopen_count = reopen_count + 1, closed_at = NULL, closure_reason = NULL, resolution = NULL,
                       reopenable_until = NULL WHERE case_number = ?""")
                .param(caseNumber)
                .update();
    }

    public void makeFinal(String caseNumber, Instant at) {
        jdbc.sql("UPDATE support_case SET status = 'FINAL', final_at = ? WHERE case_number = ?")
                .params(ts(at), caseNumber)
                .update();
    }

    public void closeOutOfScope(String caseNumber, String referral, String referralUrl, Instant at) {
        jdbc.sql("""
                UPDATE support_case SET status = 'OUT_OF_SCOPE', referral = ?, referral_url = ?, closed_at = ?
                 WHERE case_number = ?""")
                .params(referral, referralUrl, ts(at), caseNumber)
                .update();
    }

    public void reclassify(String caseNumber, Severity severity, String availability, String responseTarget,
                           String internalTarget) {
        jdbc.sql("""
                UPDATE support_case SET severity = ?, availability = ?, response_target = ?, internal_target = ?
                 WHERE case_number = ?""")
                .params(severity.name(), availability, responseTarget, internalTarget, caseNumber)
                .update();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static SupportCase map(ResultSet rs, int row) throws SQLException {
        return new SupportCase(
                rs.getString("case_number"),
                rs.getString("organization_id"),
                rs.getString("opened_by"),
                Category.valueOf(rs.getString("category")),
                rs.getString("service"),
                rs.getString("title"),
                rs.getString("description"),
                new SupportCase.Impact(rs.getBoolean("service_usable"),
                        ImpactScope.valueOf(rs.getString("impact_scope")),
                        BusinessImpact.valueOf(rs.getString("business_impact")),
                        rs.getBoolean("workaround_available")),
                enumOf(Severity.class, rs.getString("requested_severity")),
                rs.getBoolean("self_service_tried"),
                new SupportCase.Contact(rs.getString("contact_name"), rs.getString("contact_email"),
                        rs.getString("contact_phone")),
                CaseStatus.valueOf(rs.getString("status")),
                enumOf(Severity.class, rs.getString("severity")),
                Plan.valueOf(rs.getString("plan")),
                rs.getBoolean("elevated_support"),
                rs.getString("availability"),
                rs.getString("response_target"),
                rs.getString("internal_target"),
                rs.getString("target_rule"),
                enumOf(OutOfScopeReason.class, rs.getString("out_of_scope_reason")),
                rs.getString("referral"),
                rs.getString("referral_url"),
                instant(rs, "opened_at"),
                instant(rs, "engaged_at"),
                instant(rs, "clock_started_at"),
                instant(rs, "first_response_due_at"),
                instant(rs, "response_warning_at"),
                instant(rs, "internal_follow_up_at"),
                instant(rs, "first_responded_at"),
                rs.getBoolean("sla_breached"),
                instant(rs, "closed_at"),
                enumOf(ClosureReason.class, rs.getString("closure_reason")),
                rs.getString("resolution"),
                instant(rs, "reopenable_until"),
                instant(rs, "final_at"),
                rs.getInt("reopen_count"),
                rs.getBoolean("interpreter_required"),
                rs.getString("language"));
    }
}
