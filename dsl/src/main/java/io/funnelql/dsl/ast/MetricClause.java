package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.PeriodUnit;

import java.util.List;

public sealed interface MetricClause extends Clause
        permits WhereClause, MetricClause.Period, MetricClause.TimeZone, MetricClause.Sum {

    record Period(PeriodUnit unit, SourceLocation location) implements MetricClause {
        @Override
        public String keyword() {
            return "per";
        }
    }

    record TimeZone(String zone, SourceLocation location) implements MetricClause {
        @Override
        public String keyword() {
            return "time zone";
        }
    }

    record Sum(List<Identifier> columns, SourceLocation location) implements MetricClause {
        public Sum {
            columns = List.copyOf(columns);
        }

        @Override
        public String keyword() {
            return "sum";
        }
    }
}
