package io.supporto.cases;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SurveyRepository {

    private final JdbcClient jdbc;

    public SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void offer(String caseNumber, int closureNo, Instant at) {
        jdbc.sql("INSERT INTO case_survey (case_number, closure_no, status, offered_at) VALUES (?, ?, 'PENDING', ?)")
                .params(caseNumber, closureNo, CaseRepository.ts(at))
                .update();
    }

    /** The survey of the latest closure that offered one. */
    public Optional<Survey> latest(String caseNumber) {
        return jdbc.sql("""
                SELECT * FROM case_survey WHERE case_number = ? ORDER BY closure_no DESC LIMIT 1""")
                .param(caseNumber)
                .query((rs, row) -> new Survey(rs.getInt("closure_no"),
                        Survey.Status.valueOf(rs.getString("status")),
                        CaseRepository.instant(rs, "offered_at"),
                        (Integer) rs.getObject("rating"),
                        rs.getString("comment"),
                        CaseRepository.instant(rs, "answered_at")))
                .optional();
    }

    /** Records the answer if the survey is still pending; false when someone answered first. */
    public boolean answer(String caseNumber, int closureNo, int rating, String comment, Instant at, String by) {
        return jdbc.sql("""
                UPDATE case_survey SET status = 'ANSWERED', rating = ?, comment = ?, answered_at = ?, answered_by = ?
                 WHERE case_number = ? AND closure_no = ? AND status = 'PENDING'""")
                .params(rating, comment, CaseRepository.ts(at), by, caseNumber, closureNo)
                .update() == 1;
    }

    public void cancelPending(String caseNumber) {
        jdbc.sql("UPDATE case_survey SET status = 'CANCELLED' WHERE case_number = ? AND status = 'PENDING'")
                .param(caseNumber)
                .update();
    }
}
