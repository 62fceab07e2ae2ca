package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The linter's configuration file, {@code .funnelql-lint}, kept in the repository next to the SQL
 * and found from the current directory upwards, in the spirit of SQLFluff's {@code .sqlfluff}:
 *
 * <pre>
 * [lint]
 * dialect = postgres
 * tenant_column = account_id
 * schema = warehouse/schema.fql
 * exclude_rules = FQL004, FQL010
 *
 * [lint:reports/oracle/**]
 * dialect = oracle
 * rules = FQL001, FQL003, FQL009
 * </pre>
 *
 * {@code [lint]} applies to every file; a {@code [lint:GLOB]} section overrides it for the files
 * whose path relative to the configuration file's folder matches the glob, later sections over
 * earlier ones. Keys: {@code dialect}, {@code tenant_column}, {@code schema} (relative to the
 * file's folder), {@code rules} ({@code all} or codes) and {@code exclude_rules} (codes). Lines
 * starting with {@code #} or {@code ;} are comments. A command-line option wins over the file.
 */
public final class LintConfig {
    public static final String FILE_NAME = ".funnelql-lint";
    private static final Set<String> KEYS = Set.of("dialect", "tenant_column", "schema", "rules", "exclude_rules");

    /** One file's settings: each empty when neither the file nor the command line sets it. */
    public record Effective(Optional<TargetDialect> dialect, Optional<String> tenantColumn, Optional<Path> schema,
            Optional<Set<String>> rules, Set<String> excludedRules) {
        /** Whether a rule runs: named by {@code rules} (or all when it is unset), and not excluded. */
        public boolean runs(String code) {
            return rules.map(r -> r.contains(code)).orElse(true) && !excludedRules.contains(code);
        }
    }

    private record Section(Optional<PathMatcher> paths, Map<String, String> values) {}

    private final Path directory;
    private final Optional<Path> file;
    private final List<Section> sections;

    private LintConfig(Path directory, Optional<Path> file, List<Section> sections) {
        this.directory = directory;
        this.file = file;
        this.sections = List.copyOf(sections);
    }

    /** No file: every setting unset. */
    public static LintConfig none() {
        return new LintConfig(Path.of("."), Optional.empty(), List.of());
    }

    /** The configuration file of {@code start} or of the nearest folder above it, or none. */
    public static LintConfig find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        return none();
    }

    public static LintConfig read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(path.toAbsolutePath().normalize().getParent(), Optional.of(path), text);
    }

    static LintConfig parse(Path directory, Optional<Path> file, String text) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        int number = 0;
        String name = file.map(Path::toString).orElse(FILE_NAME);
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String header = line.substring(1, line.length() - 1).strip();
                if (header.equals("lint")) {
                    current = new Section(Optional.empty(), new LinkedHashMap<>());
                } else if (header.startsWith("lint:")) {
                    String glob = header.substring(5).strip();
                    current = new Section(Optional.of(FileSystems.getDefault().getPathMatcher("glob:" + glob)),
                            new LinkedHashMap<>());
                } else {
                    throw new IllegalArgumentException(name + ":" + number + ": expected [lint] or [lint:GLOB] but was ["
                            + header + "]");
                }
                sections.add(current);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0 || current == null) {
                throw new IllegalArgumentException(name + ":" + number + ": expected KEY = VALUE in a [lint] section");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(name + ":" + number + ": unknown key '" + key + "'; expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
            current.values().put(key, line.substring(equals + 1).strip());
        }
        return new LintConfig(directory, file, sections);
    }

    /** Where the settings came from, for messages. */
    public Optional<Path> file() {
        return file;
    }

    /** The settings of one SQL file: the [lint] section, then each [lint:GLOB] section that matches it. */
    public Effective settingsFor(Path sqlFile) {
        Map<String, String> values = new LinkedHashMap<>();
        Path relative = relative(sqlFile);
        for (Section section : sections) {
            if (section.paths().isEmpty() || section.paths().get().matches(relative)) {
                values.putAll(section.values());
            }
        }
        String name = file.map(Path::toString).orElse(FILE_NAME);
        Optional<TargetDialect> dialect = Optional.ofNullable(values.get("dialect")).map(d -> dialect(d, name));
        Optional<Path> schema = Optional.ofNullable(values.get("schema")).map(directory::resolve);
        Optional<Set<String>> rules = Optional.ofNullable(values.get("rules"))
                .filter(r -> !r.equalsIgnoreCase("all")).map(LintConfig::codes);
        Set<String> excluded = Optional.ofNullable(values.get("exclude_rules")).map(LintConfig::codes).orElse(Set.of());
        return new Effective(dialect, Optional.ofNullable(values.get("tenant_column")), schema, rules, excluded);
    }

    private Path relative(Path sqlFile) {
        Path absolute = sqlFile.toAbsolutePath().normalize();
        return absolute.startsWith(directory) ? directory.relativize(absolute) : absolute;
    }

    private static Set<String> codes(String list) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : list.split("[,\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        return codes;
    }

    private static TargetDialect dialect(String value, String file) {
        String keyword = value.toLowerCase(Locale.ROOT);
        if (keyword.equals("postgresql") || keyword.equals("redshift")) {
            keyword = "postgres";
        }
        return TargetDialect.fromKeyword(keyword).orElseThrow(() -> new IllegalArgumentException(file
                + ": dialect expected one of postgres, duckdb, oracle but was '" + value + "'"));
    }
}
