package io.supporto.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConversationRepository {

    private final JdbcClient jdbc;

    public ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String caseNumber, Instant at, String author, MessageKind kind, String body) {
        jdbc.sql("INSERT INTO case_message (case_number, at, author, kind, body) VALUES (?, ?, ?, ?, ?)")
                .params(caseNumber, CaseRepository.ts(at), author, kind.name(), body)
                .update();
    }

    public List<CaseMessage> of(String caseNumber) {
        return jdbc.sql("SELECT at, author, kind, body FROM case_message WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, row) -> new CaseMessage(CaseRepository.instant(rs, "at"), rs.getString("author"),
                        MessageKind.valueOf(rs.getString("kind")), rs.getString("body")))
                .list();
    }
}
