package io.funnelql.compiler.render;

import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.TargetDialect;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlString;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a staged plan as one statement: each stage a named CTE, the output as the final
 * SELECT. Calcite's converter renders each stage on its own, so a window expression is written
 * once where it is computed and never copied into its uses.
 */
public final class SqlRenderer {
    private final SqlDialect dialect;
    private final String commonTableExpressionPrefix;

    public SqlRenderer(TargetDialect target) {
        this.dialect = target.sqlDialect();
        this.commonTableExpressionPrefix = target.commonTableExpressionPrefix();
    }

    /** SQL text and, in order of appearance, the indexes of its bind placeholders. */
    public record Rendered(String sql, List<Integer> placeholders) {}

    public Rendered render(List<Stage> stages, RelNode output) {
        StringBuilder sql = new StringBuilder();
        List<Integer> placeholders = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            SqlString body = statement(stage.plan());
            sql.append(i == 0 ? "WITH " : ",\n");
            sql.append(dialect.quoteIdentifier(stage.name())).append(" AS ").append(commonTableExpressionPrefix).append("(\n");
            sql.append(indent(body.getSql())).append("\n)");
            placeholders.addAll(body.getDynamicParameters() == null ? List.of() : body.getDynamicParameters());
        }
        if (!stages.isEmpty()) {
            sql.append("\n");
        }
        SqlString last = statement(output);
        sql.append(last.getSql());
        placeholders.addAll(last.getDynamicParameters() == null ? List.of() : last.getDynamicParameters());
        return new Rendered(sql.toString(), placeholders);
    }

    public SqlString statement(RelNode plan) {
        SqlNode node = new RelToSqlConverter(dialect).visitRoot(plan).asStatement();
        return node.toSqlString(config -> config.withDialect(dialect)
                .withQuoteAllIdentifiers(true)
                .withIndentation(2)
                .withClauseStartsLine(true)
                .withAlwaysUseParentheses(false));
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
