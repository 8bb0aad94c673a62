package io.supporto.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organization> find(String id) {
        return jdbc.sql("SELECT * FROM organization WHERE id = ?")
                .param(id)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** Creates or replaces; returns true when the organization is new. */
    public boolean save(Organization org, Instant now) {
        int updated = jdbc.sql("""
                UPDATE organization SET name = ?, plan = ?, elevated_support = ?, country = ?,
                       time_zone = ?, language = ?, admin_emails = ?, updated_at = ?
                 WHERE id = ?""")
                .params(org.name(), org.plan().name(), org.elevatedSupport(), org.country(),
                        org.timeZone().getId(), org.language(), String.join("\n", org.adminEmails()),
                        Timestamp.from(now), org.id())
                .update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO organization (id, name, plan, elevated_support, country, time_zone,
                                          language, admin_emails, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id(), org.name(), org.plan().name(), org.elevatedSupport(), org.country(),
                        org.timeZone().getId(), org.language(), String.join("\n", org.adminEmails()),
                        Timestamp.from(now))
                .update();
        return true;
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        String emails = rs.getString("admin_emails");
        List<String> adminEmails = emails.isEmpty() ? List.of() : Arrays.asList(emails.split("\n"));
        return new Organization(
                rs.getString("id"),
                rs.getString("name"),
                Plan.valueOf(rs.getString("plan")),
                rs.getBoolean("elevated_support"),
                rs.getString("country"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("language"),
                adminEmails);
    }
}
