package io.funnelql.spark;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.engine.QueryTimeoutException;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Spark SQL in a session of its own on the JVM's shared Spark context ({@link SharedSpark}). An
 * unqualified source table is a temporary view of the session (no files written, invisible to
 * other engines); a {@code schema.table} source is a managed table in that database, created when
 * missing. Rows come back as the reference's Java types ({@link SparkValues}).
 */
public final class SparkEngine implements Engine {
    /** From this many rows a loaded table is cached in memory, spread over partitions Spark can scan in parallel. */
    static final int CACHED_FROM_ROWS = 100_000;

    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "funnelql-spark-cancel");
        thread.setDaemon(true);
        return thread;
    });

    private final SparkSession session;
    private final String label;
    private final Set<String> views = new HashSet<>();

    public SparkEngine() {
        this.session = SharedSpark.newSession();
        this.label = "Spark SQL " + session.version() + " (" + session.sparkContext().master() + ")";
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public TargetDialect dialect() {
        return TargetDialect.SPARK;
    }

    @Override
    public void load(EventTable events) {
        List<String> parts = tableParts(events);
        String table = qualified(parts);
        try {
            Dataset<Row> rows = dataFrame(events);
            if (parts.size() == 1) {
                register(parts.get(0), rows, events.rowCount());
            } else {
                session.sql("CREATE DATABASE IF NOT EXISTS " + quote(parts.get(0)));
                rows.write().mode("overwrite").saveAsTable(table);
            }
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw failure("loading " + events.rowCount() + " rows into " + table, e);
        }
    }

    @Override
    public void append(EventTable events) {
        List<String> parts = tableParts(events);
        String table = qualified(parts);
        try {
            Dataset<Row> rows = dataFrame(events);
            if (parts.size() == 1) {
                Dataset<Row> before = session.table(table);
                register(parts.get(0), before.unionByName(rows), before.count() + events.rowCount());
            } else {
                rows.write().mode("append").insertInto(table);
            }
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw failure("appending " + events.rowCount() + " rows to " + table, e);
        }
    }

    private void register(String name, Dataset<Row> rows, long rowCount) {
        String view = quote(name);
        if (views.contains(name)) {
            session.catalog().uncacheTable(view);
        }
        Dataset<Row> held = rows;
        if (rowCount >= CACHED_FROM_ROWS) {
            // A local relation is one partition: spread it so every core scans a part, and keep it.
            held = rows.repartition(session.sparkContext().defaultParallelism() * 2).cache();
            held.count();
        }
        held.createOrReplaceTempView(view);
        views.add(name);
    }

    private Dataset<Row> dataFrame(EventTable events) {
        List<Column> columns = events.source().columns();
        List<StructField> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(DataTypes.createStructField(identifier(column.name()), sparkType(column.type()), true));
        }
        List<Row> rows = new ArrayList<>(events.rowCount());
        for (int row = 0; row < events.rowCount(); row++) {
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < values.length; c++) {
                Object value = events.value(c, row);
                // Loaded to the microsecond, as the reference reads them.
                values[c] = value instanceof LocalDateTime timestamp ? timestamp.truncatedTo(ChronoUnit.MICROS) : value;
            }
            rows.add(RowFactory.create(values));
        }
        return session.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    private org.apache.spark.sql.types.DataType sparkType(DataType type) {
        return switch (type) {
            case VARCHAR -> DataTypes.StringType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TIMESTAMP -> DataTypes.TimestampNTZType;
            case DATE -> DataTypes.DateType;
            case INTERVAL, NULL -> throw new EngineException("spark: no column can have type " + type.displayName());
        };
    }

    @Override
    public ResultTable query(String sql, List<Object> bindParameters) {
        try {
            return SparkValues.read(statement(sql, bindParameters));
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw failure("running " + abbreviate(sql), e);
        }
    }

    /** The query runs in a job group of its own, which a timer cancels (interrupting its tasks) once the budget is spent. */
    @Override
    public ResultTable query(String sql, List<Object> bindParameters, Duration budget) {
        SparkContext context = session.sparkContext();
        String group = "funnelql-" + UUID.randomUUID();
        AtomicBoolean cancelled = new AtomicBoolean();
        context.setJobGroup(group, "funnelql query", true);
        ScheduledFuture<?> cancel = CANCELLER.schedule(() -> {
            cancelled.set(true);
            context.cancelJobGroup(group);
        }, budget.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return SparkValues.read(statement(sql, bindParameters));
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            if (cancelled.get()) {
                throw new QueryTimeoutException("spark: cancelled after " + budget.toMillis() + " ms: " + abbreviate(sql),
                        budget, e);
            }
            throw failure("running " + abbreviate(sql), e);
        } finally {
            cancel.cancel(false);
            context.clearJobGroup();
        }
    }

    /** Bind parameters become named markers: see {@link NamedParameters} for why not Spark's positional ones. */
    private Dataset<Row> statement(String sql, List<Object> bindParameters) {
        return bindParameters.isEmpty() ? session.sql(sql)
                : session.sql(NamedParameters.named(sql), NamedParameters.values(bindParameters));
    }

    @Override
    public void execute(String sql) {
        execute(sql, List.of());
    }

    @Override
    public void execute(String sql, List<Object> bindParameters) {
        try {
            statement(sql, bindParameters).collectAsList();
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw failure("running " + abbreviate(sql), e);
        }
    }

    /** Spark SQL has no transactions: work that failed halfway could not be undone, so none is started. */
    @Override
    public void inTransaction(Runnable work) {
        throw new EngineException("spark: Spark SQL has no transactions");
    }

    @Override
    public void close() {
        for (String view : views) {
            session.catalog().uncacheTable(quote(view));
            session.catalog().dropTempView(quote(view));
        }
        views.clear();
    }

    private List<String> tableParts(EventTable events) {
        List<Name> parts = events.source().table().parts();
        if (parts.size() > 2) {
            throw new EngineException("spark: table " + events.source().table() + ": only schema.table names are supported");
        }
        return parts.stream().map(this::identifier).toList();
    }

    private String identifier(Name name) {
        return TargetDialect.SPARK.identifier(name.value(), name.quoted());
    }

    private static String qualified(List<String> parts) {
        return parts.stream().map(SparkEngine::quote).collect(Collectors.joining("."));
    }

    /** A backquoted name, a backquote inside doubled: how Spark and the SPARK dialect quote. */
    static String quote(String identifier) {
        return TargetDialect.SPARK.sqlDialect().quoteIdentifier(identifier);
    }

    private static EngineException failure(String doing, Exception e) {
        return new EngineException("spark: " + doing + ": " + e.getMessage(), e);
    }

    private static String abbreviate(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
