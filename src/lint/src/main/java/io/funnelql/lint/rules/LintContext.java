package io.funnelql.lint.rules;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.SqlStatement;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.RuleInfo;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

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
        SqlParserPos pos = Nodes.span(at);
        sink.accept(new Finding(rule, file.name(), pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
                pos.getEndColumnNum(), message));
    }

    /** The text a node covers in the file, as written, when it lies on one line; else "…". */
    public String excerpt(SqlNode node) {
        SqlParserPos pos = Nodes.span(node);
        if (pos.getLineNum() == pos.getEndLineNum()) {
            String line = file.line(pos.getLineNum());
            if (pos.getEndColumnNum() <= line.length()) {
                return line.substring(pos.getColumnNum() - 1, pos.getEndColumnNum());
            }
        }
        return "…";
    }
}
