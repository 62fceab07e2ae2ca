package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.SequenceReport;

import java.util.List;
import java.util.Optional;

public sealed interface SequenceClause extends Clause
        permits CountByClause, WhereClause, NullConditionClause, SequenceClause.ProfileClause, SequenceClause.Conditions,
                SequenceClause.Pattern, SequenceClause.Report, SequenceClause.NodeReport {

    record ProfileClause(Identifier profile, SourceLocation location) implements SequenceClause {
        @Override
        public String keyword() {
            return "profile";
        }
    }

    record Conditions(List<NamedCondition> conditions, SourceLocation location) implements SequenceClause {
        public Conditions {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String keyword() {
            return "conditions";
        }
    }

    /**
     * {@code pattern '...'}: the pattern text without its quotes, and where each of its characters
     * is in the file ({@code textStart} is its first character's place), so errors point inside it.
     */
    record Pattern(String text, SourceLocation textStart, SourceLocation location) implements SequenceClause {
        @Override
        public String keyword() {
            return "pattern";
        }

        /** The place of the text's character {@code index} (the text's end for its length). */
        public SourceLocation at(int index) {
            int line = textStart.line();
            int column = textStart.column();
            for (int i = 0; i < index && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column += text.charAt(i) == '\'' ? 2 : 1; // a quote is written doubled
                }
            }
            return new SourceLocation(line, column);
        }
    }

    /** {@code report per key | summary | events}: a report that names nothing to resolve. */
    record Report(SequenceReport report, SourceLocation location) implements SequenceClause {
        @Override
        public String keyword() {
            return "report";
        }
    }

    /**
     * {@code report next|previous node VALUE from BASE [base (CONDITION)]}: the value column and
     * the base as written, resolved by the analyzer.
     */
    record NodeReport(SequenceReport.Direction direction, Identifier value, Identifier base,
            Optional<ExpressionNode> baseCondition, SourceLocation location) implements SequenceClause {
        @Override
        public String keyword() {
            return "report";
        }
    }
}
