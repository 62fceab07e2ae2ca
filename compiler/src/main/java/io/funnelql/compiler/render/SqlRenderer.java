package io.funnelql.compiler.render;

import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.TargetDialect;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlString;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a staged plan as one statement: each stage a named CTE, the output as the final
 * SELECT. Calcite's converter renders each stage on its own, so a window expression is written
 * once where it is computed and never copied into its uses.
 */
public final class SqlRenderer {
    private final SqlDialect dialect;
    private final String materializedPrefix;
    private final String inlinedPrefix;
    private final String repeatedlyReadPrefix;
    private final String recursiveWith;

    public SqlRenderer(TargetDialect target) {
        this.dialect = target.sqlDialect();
        this.materializedPrefix = target.materializedPrefix();
        this.inlinedPrefix = target.inlinedPrefix();
        this.repeatedlyReadPrefix = target.repeatedlyReadPrefix();
        this.recursiveWith = target.recursiveWith();
    }

    /** SQL text and, in order of appearance, the indexes of its bind placeholders. */
    public record Rendered(String sql, List<Integer> placeholders) {}

    /**
     * A statement with a recursive stage begins with the target's recursive WITH and lists every
     * CTE's columns: Oracle needs the list on the recursive CTE, H2 on every CTE of a recursive
     * WITH. A recursive stage's body is its anchor, UNION ALL, its step, each rendered on its own.
     */
    public Rendered render(List<Stage> stages, RelNode output) {
        StringBuilder sql = new StringBuilder();
        List<Integer> placeholders = new ArrayList<>();
        boolean recursive = stages.stream().anyMatch(Stage::recursive);
        Set<List<String>> stageTables = new HashSet<>();
        stages.forEach(stage -> stageTables.add(List.of(stage.name())));
        Set<List<String>> readByWalks = new HashSet<>();
        stages.stream().filter(Stage::recursive).forEach(walk -> collectTables(walk.recursiveStep(), readByWalks));
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            sql.append(i == 0 ? (recursive ? recursiveWith : "WITH ") : ",\n");
            sql.append(dialect.quoteIdentifier(stage.name()));
            if (recursive) {
                sql.append(" (").append(String.join(", ", stage.plan().getRowType().getFieldNames().stream()
                        .map(dialect::quoteIdentifier).toList())).append(")");
            }
            sql.append(" AS ").append(readByWalks.contains(List.of(stage.name())) && !stage.recursive() ? repeatedlyReadPrefix
                    : mustMaterialize(stage, stageTables) ? materializedPrefix : inlinedPrefix).append("(\n");
            SqlString body = statement(stage.plan());
            sql.append(indent(body.getSql()));
            addPlaceholders(placeholders, body);
            if (stage.recursive()) {
                SqlString step = statement(stage.recursiveStep());
                sql.append("\n  UNION ALL\n").append(indent(step.getSql()));
                addPlaceholders(placeholders, step);
            }
            sql.append("\n)");
        }
        if (!stages.isEmpty()) {
            sql.append("\n");
        }
        SqlString last = statement(output);
        sql.append(last.getSql());
        addPlaceholders(placeholders, last);
        return new Rendered(sql.toString(), placeholders);
    }

    /**
     * Whether a CTE is written with the target's materialized prefix (DuckDB's {@code
     * MATERIALIZED}): every CTE but a filtered projection of the source table without a window
     * (which gets the inlined prefix, PostgreSQL's {@code NOT MATERIALIZED}).
     * Such a projection is cheaper re-scanned by each reader, with the reader's filter pushed into
     * the scan (as a hand-written chain reads the table once per step). Anything else is computed
     * and planned once: a window must number rows once (ROW_NUMBER over ties), and DuckDB's
     * planning of inlined chains of joins, aggregates or windows grows exponentially with their
     * depth (the 32-step window-pass golden case did not finish preparing in 15 minutes). A stage
     * its planner marks inlined ({@link Stage#inlined}) is left to the engine.
     */
    private static boolean mustMaterialize(Stage stage, Set<List<String>> stageTables) {
        return stage.recursive() || !stage.inlined() && !sourceProjection(stage.plan(), stageTables);
    }

    /** The tables a relation scans, at any depth. */
    private static void collectTables(RelNode node, Set<List<String>> tables) {
        if (node instanceof TableScan scan) {
            tables.add(scan.getTable().getQualifiedName());
        }
        node.getInputs().forEach(input -> collectTables(input, tables));
    }

    /** Filters and projections without a window, over a table that is no stage (the source). */
    private static boolean sourceProjection(RelNode node, Set<List<String>> stageTables) {
        if (node instanceof TableScan scan) {
            return !stageTables.contains(scan.getTable().getQualifiedName());
        }
        if (node instanceof Project project) {
            return !RexOver.containsOver(project.getProjects(), null) && sourceProjection(project.getInput(), stageTables);
        }
        return node instanceof Filter filter && sourceProjection(filter.getInput(), stageTables);
    }

    private static void addPlaceholders(List<Integer> placeholders, SqlString sql) {
        placeholders.addAll(sql.getDynamicParameters() == null ? List.of() : sql.getDynamicParameters());
    }

    public SqlString statement(RelNode plan) {
        SqlNode node = new RelToSqlConverter(dialect).visitRoot(plan).asStatement();
        return node.toSqlString(config -> config.withDialect(dialect)
                .withQuoteAllIdentifiers(true)
                .withIndentation(2)
                .withClauseStartsLine(true)
                .withAlwaysUseParentheses(false));
    }

    /**
     * Indents a rendered statement by two spaces, line by line, outside quoted text only: a line
     * break inside a string literal ({@code '…'}) or a quoted identifier ({@code "…"}, Spark's
     * {@code `…`}) is part of the value or the name, and an indent there would change what the SQL
     * compares with or reads. Every target writes both with the quote doubled inside ({@code ''},
     * {@code ""}, {@code ``}; Spark's literals hold no quote at all), so a quote toggles the state
     * and a doubled one toggles it twice.
     */
    static String indent(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64).append("  ");
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '\n') {
                out.append("  ");
            }
        }
        return out.toString();
    }
}
