package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.PeriodUnit;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.ReturnMatch;

import java.util.List;

public sealed interface RetentionClause extends Clause
        permits CountByClause, WhereClause, NullConditionClause, RetentionClause.Cohort, RetentionClause.Return,
                RetentionClause.CalendarPeriod, RetentionClause.RollingPeriod, RetentionClause.TimeZone,
                RetentionClause.OffsetList, RetentionClause.OffsetRange, RetentionClause.Returning,
                RetentionClause.Conditions, RetentionClause.Report {

    record Cohort(CohortKind kind, ExpressionNode condition, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "cohort";
        }
    }

    record Return(ExpressionNode condition, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "return";
        }
    }

    record CalendarPeriod(PeriodUnit unit, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "period";
        }
    }

    record RollingPeriod(DurationNode length, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "period";
        }
    }

    record TimeZone(String zone, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "time zone";
        }
    }

    record OffsetList(List<Integer> offsets, SourceLocation location) implements RetentionClause {
        public OffsetList {
            offsets = List.copyOf(offsets);
        }

        @Override
        public String keyword() {
            return "offsets";
        }
    }

    record OffsetRange(int from, int to, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "offsets";
        }
    }

    record Returning(ReturnMatch match, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "returning";
        }
    }

    record Conditions(List<NamedCondition> conditions, SourceLocation location) implements RetentionClause {
        public Conditions {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String keyword() {
            return "conditions";
        }
    }

    record Report(RetentionReport report, SourceLocation location) implements RetentionClause {
        @Override
        public String keyword() {
            return "report";
        }
    }
}
