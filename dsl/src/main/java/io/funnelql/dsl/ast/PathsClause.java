package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.PathDirection;

import java.util.List;

public sealed interface PathsClause extends Clause
        permits CountByClause, WhereClause, PathsClause.Anchor, PathsClause.SessionGap, PathsClause.Window,
                PathsClause.Depth, PathsClause.NodeColumn, PathsClause.Clean, PathsClause.Collapse, PathsClause.Top,
                PathsClause.Report {

    /** {@code start at <condition>} or {@code end at <condition>}. */
    record Anchor(PathDirection direction, ExpressionNode condition, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "start at' or 'end at"; // one anchor: a second of either kind is a duplicate
        }
    }

    record SessionGap(DurationNode gap, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "within session gap";
        }
    }

    record Window(DurationNode length, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "within";
        }
    }

    /** {@code depth N}: the number as written, checked by the analyzer. */
    record Depth(long depth, SourceLocation valueLocation, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "depth";
        }
    }

    record NodeColumn(Identifier column, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "node";
        }
    }

    /** {@code clean ('label': condition, ...)}: an event on which a condition holds is the first such rule's label. */
    record Clean(List<CleanRule> rules, SourceLocation location) implements PathsClause {
        public Clean {
            rules = List.copyOf(rules);
        }

        @Override
        public String keyword() {
            return "clean";
        }
    }

    record CleanRule(String label, ExpressionNode condition, SourceLocation location) implements Node {}

    record Collapse(SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "collapse repeats";
        }
    }

    record Top(long top, SourceLocation valueLocation, SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "top";
        }
    }

    record Report(SourceLocation location) implements PathsClause {
        @Override
        public String keyword() {
            return "report";
        }
    }
}
