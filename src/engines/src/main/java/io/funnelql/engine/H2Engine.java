package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * H2 in memory, one private database per instance. In Oracle mode it stands in for Oracle, which
 * cannot run here: like Oracle it reads '' as NULL and makes DATE a TIMESTAMP(0).
 */
public final class H2Engine extends JdbcEngine {
    private static final int BATCH = 1000;

    private final boolean oracleMode;
    private final String label;

    public H2Engine(boolean oracleMode) {
        super(oracleMode ? "oracle-h2" : "h2", oracleMode ? TargetDialect.ORACLE : TargetDialect.H2, connect(oracleMode));
        this.oracleMode = oracleMode;
        try {
            run("SET TIME ZONE 'UTC'");
            label = oracleMode ? "H2 in Oracle mode (not a real Oracle)"
                    : "H2 " + connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw closing(connection, failure("starting", e));
        }
    }

    private static Connection connect(boolean oracleMode) {
        String url = "jdbc:h2:mem:funnelql-" + UUID.randomUUID() + (oracleMode ? ";MODE=Oracle" : "");
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new EngineException("h2: cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    public boolean oracleMode() {
        return oracleMode;
    }

    /** In Oracle mode, as Oracle, every '' stored is NULL; the table itself when it holds none. */
    @Override
    public EventTable held(EventTable events) {
        if (!oracleMode) {
            return events;
        }
        List<Object[]> rows = events.rows();
        if (rows.stream().noneMatch(row -> Arrays.asList(row).contains(""))) {
            return events;
        }
        return EventTable.ofRows(events.source(), rows.stream()
                .map(row -> Arrays.stream(row).map(value -> "".equals(value) ? null : value).toArray()).toList());
    }

    /**
     * Oracle recognises a recursive CTE by its reading itself and has no {@code RECURSIVE}
     * keyword; H2, in Oracle mode too, sees recursion only after {@code WITH RECURSIVE}. The
     * compiler lists every CTE's columns exactly when a statement has a recursive stage, so in
     * Oracle mode a {@code WITH} whose first CTE has a column list gets the keyword: the one
     * change this engine makes to the Oracle SQL it runs (docs/dialects.md).
     */
    static String withRecursiveForH2(String sql) {
        return RECURSIVE_ORACLE_WITH.matcher(sql).replaceFirst("WITH RECURSIVE $1");
    }

    private static final Pattern RECURSIVE_ORACLE_WITH =
            Pattern.compile("\\AWITH (\"(?:[^\"]|\"\")*\" \\()");

    @Override
    public ResultTable query(String sql, List<Object> bindParameters) {
        return super.query(oracleMode ? withRecursiveForH2(sql) : sql, bindParameters);
    }

    /** H2's own column types in both modes: the Oracle stand-in is H2 underneath. */
    @Override
    protected TargetDialect tableDialect() {
        return TargetDialect.H2;
    }

    @Override
    public String label() {
        return label;
    }

    private static int jdbcType(DataType type) {
        return switch (type) {
            case VARCHAR -> Types.VARCHAR;
            case BIGINT -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case TIMESTAMP -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case INTERVAL, NULL -> Types.NULL;
        };
    }

    /** H2 has no bulk path faster than batched inserts in one transaction. */
    @Override
    protected void insert(EventTable events, List<String> tableParts, String table) throws SQLException {
        List<Column> columns = events.source().columns();
        String sql = "INSERT INTO " + table + " (" + columnList(events.source()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 0; row < events.rowCount(); row++) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = loadValue(events.value(c, row));
                    if (value == null) {
                        insert.setNull(c + 1, jdbcType(columns.get(c).type()));
                    } else {
                        insert.setObject(c + 1, value);
                    }
                }
                insert.addBatch();
                if ((row + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
