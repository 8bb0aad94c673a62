package io.supporto.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signed, expiring, single-use links. A token carries the link's id, case, action, closure and
 * expiry, signed with HMAC-SHA256 under {@code support.links.secret} (and still verified under
 * {@code support.links.previous-secrets} after a rotation); the link's row records that
 * it was issued and whether it was used, which also tells an altered link from a forged one.
 */
@Service
public class ActionLinks {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final LinkProperties properties;
    private final org.springframework.core.env.Environment environment;
    private final Clock clock;

    public ActionLinks(JdbcClient jdbc, LinkProperties properties, Clock clock,
                       org.springframework.core.env.Environment environment) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.environment = environment;
    }

    /** The public address links and internal mails start with. */
    public String baseUrl() {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        // the port the server really listens on (a random one in tests), else the configured one
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /** Issues a link and answers its full URL. */
    public String issue(String caseNumber, LinkAction action, int closureNo, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO action_link (id, case_number, action, closure_no, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, caseNumber, action.name(), closureNo, Timestamp.from(expiresAt),
                        Timestamp.from(clock.instant()))
                .update();
        String payload = String.join("|", id, caseNumber, action.name(), Integer.toString(closureNo),
                Long.toString(expiresAt.getEpochSecond()));
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return baseUrl() + "/actions/" + ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(properties.secret(), payloadBytes));
    }

    public LinkCheck check(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0 || token.length() > 1000) {
            return LinkCheck.forged();
        }
        byte[] payloadBytes;
        byte[] signature;
        try {
            payloadBytes = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return LinkCheck.forged();
        }
        String[] fields = new String(payloadBytes, StandardCharsets.UTF_8).split("\\|", -1);
        boolean signed = MessageDigest.isEqual(sign(properties.secret(), payloadBytes), signature)
                || properties.previousSecrets().stream().filter(previous -> !previous.isBlank())
                        .anyMatch(previous -> MessageDigest.isEqual(sign(previous, payloadBytes), signature));
        Optional<Row> row = fields.length == 5 ? find(fields[0]) : Optional.empty();
        if (!signed) {
            return row.isPresent()
                    ? new LinkCheck(LinkCheck.Verdict.ALTERED, null, null, null, 0, null)
                    : LinkCheck.forged();
        }
        if (row.isEmpty()) {
            return LinkCheck.forged();
        }
        Row link = row.get();
        LinkCheck.Verdict verdict = link.usedAt() != null ? LinkCheck.Verdict.USED
                : !clock.instant().isBefore(link.expiresAt()) ? LinkCheck.Verdict.EXPIRED
                : LinkCheck.Verdict.VALID;
        return new LinkCheck(verdict, link.id(), link.caseNumber(), link.action(), link.closureNo(), link.expiresAt());
    }

    /** Marks the link used; false when another request used it first. */
    public boolean markUsed(String linkId) {
        return jdbc.sql("UPDATE action_link SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamp.from(clock.instant()), linkId)
                .update() == 1;
    }

    private Optional<Row> find(String id) {
        return jdbc.sql("SELECT id, case_number, action, closure_no, expires_at, used_at FROM action_link WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("case_number"),
                        LinkAction.valueOf(rs.getString("action")), rs.getInt("closure_no"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    /** Links are signed with the current secret only; {@code support.links.previous-secrets} only verify. */
    private static byte[] sign(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Cannot sign links", e);
        }
    }

    private record Row(String id, String caseNumber, LinkAction action, int closureNo, Instant expiresAt,
                       Instant usedAt) {
    }
}
