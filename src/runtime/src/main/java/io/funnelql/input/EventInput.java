package io.funnelql.input;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.events.JdbcEventReader;
import io.funnelql.events.Shown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code --events} names (docs/inputs.md): a CSV file, gzip-compressed or not; a Parquet
 * file; {@code -}, standard input (any of those, kept in a temporary file so it can be read more
 * than once); a DuckDB database file; or a JDBC URL. The last two are live tables: the
 * source's declared table, or {@code --table}. Files are recognised by their first bytes, the
 * extension only confirming them. Every failure is a {@link UserInputException} phrased for the user.
 */
public final class EventInput {
    /** How the events are stored. */
    public enum Kind { CSV, CSV_GZIP, PARQUET, DUCKDB_DATABASE, JDBC, SPARK_CONNECT }

    /** Database user and password for a JDBC URL that does not carry them. */
    public static final String USER_VARIABLE = "FUNNELQL_EVENTS_USER";
    public static final String PASSWORD_VARIABLE = "FUNNELQL_EVENTS_PASSWORD";

    private static final Pattern TABLE_PART = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private final Kind kind;
    private final Path file;
    private final String url;
    private final Optional<List<Name>> table;
    private final String label;

    private EventInput(Kind kind, Path file, String url, Optional<List<Name>> table, String label) {
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.table = table;
        this.label = label;
    }

    /** {@code --events} (and {@code --table}, which only a database takes); standard input is read now. */
    public static EventInput of(String events, Optional<String> table) {
        return of(events, table, System.in);
    }

    /** {@link #of(String, Optional)} with standard input given (tests, embedding). */
    public static EventInput of(String events, Optional<String> table, InputStream stdin) {
        Optional<List<Name>> tableName = table.map(EventInput::tableName);
        if (events.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new EventInput(Kind.JDBC, null, events, tableName, redacted(events));
        }
        if (events.regionMatches(true, 0, "sc://", 0, 5)) {
            return new EventInput(Kind.SPARK_CONNECT, null, events, tableName, redacted(events));
        }
        Path file;
        String label;
        if (events.equals("-")) {
            file = spooled(stdin);
            label = "standard input";
        } else {
            file = Path.of(events);
            label = events;
            if (Files.isDirectory(file)) {
                throw new UserInputException("funnelql: --events " + events + " is a directory; name an events file in it");
            }
            if (!Files.exists(file)) {
                throw new UserInputException("funnelql: " + events + ": no such file" + similarFile(file));
            }
        }
        Kind kind = kind(file, label);
        if (kind == Kind.DUCKDB_DATABASE) {
            return new EventInput(kind, file, "jdbc:duckdb:" + file.toAbsolutePath(), tableName, label);
        }
        if (tableName.isPresent()) {
            throw new UserInputException("funnelql: --table names a table of a database (a JDBC URL or a DuckDB file); "
                    + label + " is a " + (kind == Kind.PARQUET ? "Parquet" : "CSV") + " file: drop --table");
        }
        return new EventInput(kind, file, null, Optional.empty(), label);
    }

    public Kind kind() {
        return kind;
    }

    /** For messages and reports: the file as given, "standard input", or the URL without its password. */
    public String label() {
        return isDatabase() ? label + " (table " + (table.isPresent()
                ? table.get().stream().map(Name::display).reduce((a, b) -> a + "." + b).orElseThrow() : "of the source") + ")"
                : label;
    }

    /** A live table: read through JDBC, or through the {@link LiveTableReader} that reaches it. */
    public boolean isDatabase() {
        return kind == Kind.DUCKDB_DATABASE || kind == Kind.JDBC || kind == Kind.SPARK_CONNECT;
    }

    /** The URL of a live table's database ({@code jdbc:…}, {@code sc://…}); empty for a file. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The engine ({@code duckdb}, {@code postgres}) whose SQL runs on the live table in place, if one does. */
    public Optional<String> engine() {
        if (kind == Kind.DUCKDB_DATABASE || (kind == Kind.JDBC && url.regionMatches(true, 0, "jdbc:duckdb:", 0, 12))) {
            return Optional.of("duckdb");
        }
        if (kind == Kind.JDBC && url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
            return Optional.of("postgres");
        }
        if (kind == Kind.SPARK_CONNECT) {
            return Optional.of("spark");
        }
        return Optional.empty();
    }

    /** The table the query reads: {@code --table}, else the source's. */
    public TableName table(Source source) {
        return table.map(TableName::new).orElse(source.table());
    }

    /** A connection to the live table's database: read-only, in UTC. */
    public Connection connect() {
        if (kind != Kind.DUCKDB_DATABASE && kind != Kind.JDBC) {
            throw new IllegalStateException(label + " is not a database");
        }
        Properties properties = new Properties();
        if (kind == Kind.DUCKDB_DATABASE) {
            properties.setProperty("duckdb.read_only", "true");
        } else {
            Optional.ofNullable(System.getenv(USER_VARIABLE)).filter(s -> !s.isEmpty()).ifPresent(u -> properties.setProperty("user", u));
            Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)).filter(s -> !s.isEmpty())
                    .ifPresent(p -> properties.setProperty("password", p));
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new UserInputException("funnelql: cannot connect to " + label + ": " + Shown.escaped(redacted(firstLine(e.getMessage())))
                    + (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")
                    ? " (FunnelQL has drivers for jdbc:postgresql: and jdbc:duckdb:)" : ""));
        }
        try (Statement statement = connection.createStatement()) {
            if (engine().equals(Optional.of("duckdb"))) {
                statement.execute("SET TimeZone = 'UTC'");
            } else if (engine().equals(Optional.of("postgres"))) {
                statement.execute("SET TIME ZONE 'UTC'");
                connection.setReadOnly(true);
            }
        } catch (SQLException ignored) {
            // a DuckDB without ICU has no zones and is UTC already; other databases keep their settings
        }
        return connection;
    }

    /** All events of the query's source. */
    public EventTable read(Source source) {
        try {
            return switch (kind) {
                case CSV, CSV_GZIP -> CsvEventReader.read(file, source);
                case PARQUET -> readParquet(source);
                case DUCKDB_DATABASE, JDBC -> {
                    try (Connection connection = connect()) {
                        yield JdbcEventReader.read(connection, tableSql(source), label(), source);
                    }
                }
                case SPARK_CONNECT -> reader().read(url, table(source), label(), source);
            };
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + redacted(relabelled(e.getMessage())));
        } catch (SQLException e) {
            throw new UserInputException("funnelql: " + label() + ": " + Shown.escaped(redacted(firstLine(e.getMessage()))));
        }
    }

    /** Streams a CSV input ordered by the query's key, one key at a time ({@code run --presorted}). */
    public void streamByKey(Query query, Consumer<EventTable> perKey) {
        if (kind != Kind.CSV && kind != Kind.CSV_GZIP) {
            throw new UserInputException("funnelql: --presorted streams CSV files; " + label() + " is "
                    + (kind == Kind.PARQUET ? "a Parquet file" : "a database table") + ": drop --presorted");
        }
        try {
            CsvEventReader.streamByKey(file, query.source(), query.partitionKey(), perKey);
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + relabelled(e.getMessage()));
        }
    }

    /** The reader that reaches this URL, from a module on the class path. */
    private LiveTableReader reader() {
        for (LiveTableReader reader : ServiceLoader.load(LiveTableReader.class)) {
            if (reader.reads(url)) {
                return reader;
            }
        }
        throw new UserInputException("funnelql: reading " + label + " needs the spark engine's module (src/spark) on the "
                + "class path; the ./funnelql launcher adds it when --events is an sc:// URL (docs/inputs.md)");
    }

    private EventTable readParquet(Source source) throws EventFileException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            } catch (SQLException withoutIcu) {
                // already UTC
            }
            String path = file.toAbsolutePath().toString().replace("'", "''");
            return JdbcEventReader.read(connection, "read_parquet('" + path + "')", label, source);
        }
    }

    /** The table as SQL for a SELECT: {@code --table} as written (checked), else the source's table. */
    public String tableSql(Source source) {
        List<String> parts = new ArrayList<>();
        for (Name part : table(source).parts()) {
            parts.add(part.quoted() ? '"' + part.value().replace("\"", "\"\"") + '"' : part.value());
        }
        return String.join(".", parts);
    }

    /** Messages name the input as the user gave it (standard input's temporary file as "standard input"). */
    private String relabelled(String message) {
        return file != null && !label.equals(file.toString()) ? message.replace(file.toString(), label) : message;
    }

    private static Kind kind(Path file, String label) {
        byte[] head = new byte[16];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UserInputException("funnelql: " + label + ": no such file");
        } catch (IOException e) {
            throw new UserInputException("funnelql: cannot read " + label + ": " + e.getMessage());
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String start = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        if (start.startsWith("PAR1")) {
            return Kind.PARQUET;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
            return Kind.CSV_GZIP;
        }
        if (length >= 12 && start.startsWith("DUCK", 8)) {
            return Kind.DUCKDB_DATABASE;
        }
        if (start.startsWith("SQLite format 3")) {
            throw new UserInputException("funnelql: " + label + " is an SQLite database, which FunnelQL does not read; "
                    + "export the events table to CSV or Parquet");
        }
        if (name.endsWith(".parquet")) {
            throw new UserInputException("funnelql: " + label + " is not a Parquet file: it does not start with PAR1");
        }
        if (name.endsWith(".gz")) {
            throw new UserInputException("funnelql: " + label + " is not gzip data: it does not start with 1f 8b");
        }
        if (name.endsWith(".duckdb") || name.endsWith(".ddb")) {
            throw new UserInputException("funnelql: " + label + " is not a DuckDB database file");
        }
        return Kind.CSV;
    }

    /** Standard input, kept in a temporary file (deleted on exit): a file can be recognised, and read again. */
    private static Path spooled(InputStream stdin) {
        try {
            Path file = Files.createTempFile("funnelql-stdin-", ".events");
            file.toFile().deleteOnExit();
            try (InputStream in = stdin) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(file) == 0) {
                throw new UserInputException("funnelql: --events -: standard input is empty (pipe the events in: "
                        + "... | funnelql run SPEC --events -)");
            }
            return file;
        } catch (IOException e) {
            throw new UserInputException("funnelql: cannot read standard input: " + e.getMessage());
        }
    }

    /** {@code schema.table}, each part an identifier or a double-quoted name. */
    static List<Name> tableName(String text) {
        List<Name> parts = new ArrayList<>();
        Matcher matcher = TABLE_PART.matcher(text.strip());
        int at = 0;
        String stripped = text.strip();
        while (matcher.find(at) && matcher.start() == at) {
            parts.add(matcher.group(1) != null ? Name.quoted(matcher.group(1).replace("\"\"", "\""))
                    : Name.unquoted(matcher.group(2)));
            at = matcher.end();
            if (at == stripped.length()) {
                break;
            }
            if (stripped.charAt(at) != '.') {
                at = -1;
                break;
            }
            at++;
        }
        if (at != stripped.length() || parts.isEmpty() || parts.size() > 3) {
            throw new UserInputException("funnelql: --table " + Shown.quoted(text) + " is not a table name: write "
                    + "table, schema.table or catalog.schema.table, each part a name or a \"quoted name\"");
        }
        return parts;
    }

    /** The URL with any password replaced, for messages and reports. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)((?:password|token)=)[^&;]*", "$1***").replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@");
    }

    private static String similarFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || file.getFileName() == null) {
            return "";
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).toList();
            return Suggestions.closest(file.getFileName().toString(), names)
                    .map(name -> "; did you mean " + (file.getParent() == null ? name : file.getParent().resolve(name)) + "?")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public String toString() {
        return label();
    }
}
