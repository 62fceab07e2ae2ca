package io.funnelql.lint.rules;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.parse.PositionMap;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.SqlStatement;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.RuleInfo;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.function.Consumer;

/** What a rule sees of one statement, and where it reports. */
public record LintContext(
        SqlFile file,
        SqlStatement.Query statement,
        List<SelectBlock> blocks,
        LintSettings settings,
        Consumer<Finding> sink) {

    public void report(RuleInfo rule, SqlNode at, String message) {
        report(rule, at, message, null);
    }

    /** A finding with the SQL to write instead ({@code fix}: a condition or an expression, or null). */
    public void report(RuleInfo rule, SqlNode at, String message, String fix) {
        PositionMap.Region region = region(at);
        sink.accept(new Finding(rule, file.name(), file.lineOf(region.start()), file.columnOf(region.start()),
                file.lineOf(region.end()), file.columnOf(region.end()), message, fix));
    }

    /** The file region a node covers, its sub-nodes included. */
    public PositionMap.Region region(SqlNode node) {
        return statement.positions().region(Nodes.span(node));
    }

    /** The line of the file where a node starts. */
    public int line(SqlNode node) {
        return file.lineOf(region(node).start());
    }

    /** The text a node covers in the file, as written, when it lies on one line; else "…". */
    public String excerpt(SqlNode node) {
        PositionMap.Region region = region(node);
        String text = file.text().substring(region.start(), Math.min(file.text().length(), region.end() + 1));
        return text.indexOf('\n') >= 0 ? "…" : text;
    }
}
