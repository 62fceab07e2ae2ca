package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.SessionsReport;

public sealed interface SessionsClause extends Clause
        permits CountByClause, WhereClause, SessionsClause.Gap, SessionsClause.MaxLength, SessionsClause.Lateness, SessionsClause.Report {

    record Gap(DurationNode gap, SourceLocation location) implements SessionsClause {
        @Override
        public String keyword() {
            return "gap";
        }
    }

    record MaxLength(DurationNode length, SourceLocation location) implements SessionsClause {
        @Override
        public String keyword() {
            return "max length";
        }
    }

    record Lateness(DurationNode lateness, SourceLocation location) implements SessionsClause {
        @Override
        public String keyword() {
            return "late by";
        }
    }

    record Report(SessionsReport report, SourceLocation location) implements SessionsClause {
        @Override
        public String keyword() {
            return "report";
        }
    }
}
