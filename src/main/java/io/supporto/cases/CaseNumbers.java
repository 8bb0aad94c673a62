package io.supporto.cases;

import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Hands out case numbers such as SR-2026-000042 from a database sequence shared by all nodes. */
@Component
public class CaseNumbers {

    private static final String SEQUENCE = "case_number_seq";

    private final DataFieldMaxValueIncrementer sequence;

    public CaseNumbers(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                metaData -> metaData.getDatabaseProductName());
        this.sequence = product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    public String next(Instant openedAt) {
        int year = openedAt.atZone(ZoneOffset.UTC).getYear();
        return "SR-%d-%06d".formatted(year, sequence.nextLongValue());
    }
}
