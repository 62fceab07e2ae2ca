package io.funnelql.spark;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.engine.QueryTimeoutException;
import io.funnelql.events.EventTable;
import io.funnelql.input.UserInputException;
import io.funnelql.result.ResultTable;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Spark SQL in a session of its own ({@link SharedSpark}): on the JVM's shared Spark context, or
 * on a Spark Connect server. An unqualified source table is a temporary view of the session (no
 * files written, invisible to other engines); a {@code schema.table} source is a managed table in
 * that database, created when missing. On a live table ({@link #onLiveTable}) nothing is loaded:
 * the SQL reads the server's table. Rows come back as the reference's Java types ({@link SparkValues}).
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
    /** The Spark Connect URL the session is on; empty for this JVM's own Spark. */
    private final Optional<String> remote;
    private final String label;
    /** On a live table: what {@link #load} and {@link #append} say instead of loading. */
    private final Optional<String> liveTable;
    private final Set<String> views = new HashSet<>();
    /** Tables this engine created on a Spark Connect server: the only ones it writes, dropped when it closes. */
    private final Set<String> createdTables = new HashSet<>();

    /** A session of this JVM's Spark, or on the Spark Connect server {@code FUNNELQL_SPARK_REMOTE} names. */
    public SparkEngine() {
        this(SharedSpark.remote(), Optional.empty());
    }

    private SparkEngine(Optional<String> remote, Optional<String> liveTable) {
        this.session = remote.map(SharedSpark::connect).orElseGet(SharedSpark::newSession);
        this.remote = remote;
        this.liveTable = liveTable;
        String where = liveTable.map(table -> "the live table at " + table)
                .orElseGet(() -> remote.map(url -> "Spark Connect at " + ConnectUrl.shown(url))
                        .orElseGet(() -> session.sparkContext().master()));
        try {
            this.label = "Spark SQL " + session.version() + " (" + where + ")";
        } catch (Exception e) { // a server that went away; Spark throws checked exceptions undeclared
            close();
            throw failure("asking " + where + " for its version", e);
        }
    }

    /** A session on the Spark Connect server at {@code url}. */
    static SparkEngine connected(String url) {
        return new SparkEngine(Optional.of(url), Optional.empty());
    }

    /** A session on the Spark Connect server at {@code url}, whose table ({@code label}) holds the events. */
    static SparkEngine onLiveTable(String url, String label) {
        return new SparkEngine(Optional.of(url), Optional.of(label));
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
        List<String> parts = writableTableParts(events);
        String table = qualified(parts);
        try {
            Dataset<Row> rows = dataFrame(events);
            if (parts.size() == 1) {
                register(parts.get(0), rows, events.rowCount());
            } else {
                session.sql("CREATE DATABASE IF NOT EXISTS " + quote(parts.get(0)));
                rows.write().mode("overwrite").saveAsTable(table);
                if (remote.isPresent()) {
                    createdTables.add(table);
                }
            }
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw failure("loading " + events.rowCount() + " rows into " + table, e);
        }
    }

    @Override
    public void append(EventTable events) {
        List<String> parts = writableTableParts(events);
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

    /**
     * The parts of the table a load or an append writes, once it is clear the engine may write it:
     * never on a live table. On a Spark Connect server a {@code schema.table} source is a table of
     * the cluster's own catalog: one that exists and that this engine did not create is never
     * overwritten or appended to, and the user is told what to do instead. Locally the catalog is
     * this JVM's own, in a temporary directory.
     */
    private List<String> writableTableParts(EventTable events) {
        if (liveTable.isPresent()) {
            throw new EngineException("spark: the events are the live table at " + liveTable.get() + "; nothing is loaded into it");
        }
        List<String> parts = tableParts(events);
        String table = qualified(parts);
        if (parts.size() > 1 && remote.isPresent() && !createdTables.contains(table) && exists(table)) {
            throw new UserInputException("funnelql: spark: " + table + " is a table of the Spark Connect server at "
                    + ConnectUrl.shown(remote.get()) + "; FunnelQL does not overwrite a cluster's table. Query it where it"
                    + " is (--events " + ConnectUrl.shown(remote.get()) + " --table " + table + " --engine spark), or give"
                    + " the source a table name without a schema (a temporary view of the session)");
        }
        return parts;
    }

    /** Whether the catalog has the table; a name it cannot look up is left to the write, which says why. */
    private boolean exists(String table) {
        try {
            return session.catalog().tableExists(table);
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            return false;
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
            held = rows.repartition(partitions()).cache();
            held.count();
        }
        held.createOrReplaceTempView(view);
        views.add(name);
    }

    /** Twice the local cores; on a server, its shuffle partitions (a cluster's own setting, 200 where it is "auto"). */
    private int partitions() {
        if (remote.isEmpty()) {
            return session.sparkContext().defaultParallelism() * 2;
        }
        try {
            return Integer.parseInt(session.conf().get("spark.sql.shuffle.partitions").strip());
        } catch (NumberFormatException e) {
            return 200;
        }
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
                // Loaded to the microsecond, as the reference reads them. A Spark Connect client takes
                // a DATE as java.sql.Date only; valueOf keeps the day as written.
                values[c] = value instanceof LocalDateTime timestamp ? timestamp.truncatedTo(ChronoUnit.MICROS)
                        : value instanceof LocalDate day && remote.isPresent() ? Date.valueOf(day) : value;
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

    /**
     * A timer stops the query once the budget is spent. In this JVM the query runs in a job group of
     * its own, cancelled with its tasks interrupted (a tag's interruption did not stop a local
     * query); on a Spark Connect server, which has no job groups, under a tag the server interrupts.
     */
    @Override
    public ResultTable query(String sql, List<Object> bindParameters, Duration budget) {
        String name = "funnelql-" + UUID.randomUUID();
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable interrupt;
        Runnable clear;
        if (remote.isPresent()) {
            session.addTag(name);
            interrupt = () -> session.interruptTag(name);
            clear = () -> session.removeTag(name);
        } else {
            SparkContext context = session.sparkContext();
            context.setJobGroup(name, "funnelql query", true);
            interrupt = () -> context.cancelJobGroup(name);
            clear = context::clearJobGroup;
        }
        ScheduledFuture<?> cancel = CANCELLER.schedule(() -> {
            cancelled.set(true);
            interrupt.run();
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
            clear.run();
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

    /** Drops the engine's views (and, on a server, the tables it created); a server's session ends even when that fails. */
    @Override
    public void close() {
        try {
            for (String view : views) {
                session.catalog().uncacheTable(quote(view));
                session.catalog().dropTempView(quote(view));
            }
            for (String table : createdTables) {
                session.sql("DROP TABLE IF EXISTS " + table).collectAsList();
            }
        } finally {
            views.clear();
            createdTables.clear();
            if (remote.isPresent()) {
                SharedSpark.close(session); // ends the server's session; this JVM's Spark stays for the next engine
            }
        }
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

    static String qualified(List<String> parts) {
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
