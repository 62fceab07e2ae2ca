package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;

import java.util.List;
import java.util.Optional;

public sealed interface FunnelClause extends Clause
        permits CountByClause, WhereClause, NullConditionClause, FunnelClause.Window, FunnelClause.Entry,
                FunnelClause.Mode, FunnelClause.ProfileClause, FunnelClause.Ties, FunnelClause.Steps,
                FunnelClause.Exclude, FunnelClause.Breakdown, FunnelClause.Report {

    /** {@code within 1 hour from first step [inclusive|exclusive]}; the bound is empty when not written. */
    record Window(DurationNode length, WindowAnchor anchor, Optional<WindowBound> bound, SourceLocation location)
            implements FunnelClause {
        @Override
        public String keyword() {
            return "within";
        }
    }

    record Entry(EntryPolicy policy, SourceLocation location) implements FunnelClause {
        @Override
        public String keyword() {
            return "entry";
        }
    }

    record Mode(List<Identifier> modes, SourceLocation location) implements FunnelClause {
        public Mode {
            modes = List.copyOf(modes);
        }

        @Override
        public String keyword() {
            return "mode";
        }
    }

    record ProfileClause(Identifier profile, SourceLocation location) implements FunnelClause {
        @Override
        public String keyword() {
            return "profile";
        }
    }

    record Ties(TiePolicy policy, SourceLocation location) implements FunnelClause {
        @Override
        public String keyword() {
            return "ties";
        }
    }

    record Steps(List<NamedCondition> steps, SourceLocation location) implements FunnelClause {
        public Steps {
            steps = List.copyOf(steps);
        }

        @Override
        public String keyword() {
            return "steps";
        }
    }

    /** {@code exclude name: condition [between step and step]}. */
    record Exclude(NamedCondition exclusion, Optional<Identifier> after, Optional<Identifier> before, SourceLocation location)
            implements FunnelClause {
        @Override
        public String keyword() {
            return "exclude";
        }
    }

    /** {@code breakdown by column attributed to first step | last step | step name}; step empty for first/last. */
    record Breakdown(Identifier column, AttributionNode attribution, SourceLocation location) implements FunnelClause {
        @Override
        public String keyword() {
            return "breakdown";
        }
    }

    record Report(FunnelReport report, SourceLocation location) implements FunnelClause {
        @Override
        public String keyword() {
            return "report";
        }
    }

    sealed interface AttributionNode {
        record FirstStep() implements AttributionNode {}

        record LastStep() implements AttributionNode {}

        record NamedStep(Identifier step) implements AttributionNode {}
    }
}
