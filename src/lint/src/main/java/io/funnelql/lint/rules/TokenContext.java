package io.funnelql.lint.rules;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.Token;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.RuleInfo;

import java.util.List;
import java.util.function.Consumer;

/** What a rule sees of a statement that could not be parsed: its tokens, and where it reports. */
public record TokenContext(SqlFile file, List<Token> tokens, LintSettings settings, Consumer<Finding> sink) {
    public TokenContext {
        tokens = List.copyOf(tokens);
    }

    /** A finding over tokens {@code [from, to]}, its message saying it was read from the tokens alone. */
    public void report(RuleInfo rule, int from, int to, String message, String fix) {
        Token first = tokens.get(from);
        Token last = tokens.get(to);
        sink.accept(new Finding(rule, file.name(), file.lineOf(first.start()), file.columnOf(first.start()),
                file.lineOf(last.end() - 1), file.columnOf(last.end() - 1),
                message + " (read from the tokens: this statement does not parse)", fix));
    }

    /** The text of tokens {@code [from, to]} as written. */
    public String text(int from, int to) {
        return file.text().substring(tokens.get(from).start(), tokens.get(to).end());
    }

    /** The index of the ')' closing the '(' at {@code open}, or -1. */
    public int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
