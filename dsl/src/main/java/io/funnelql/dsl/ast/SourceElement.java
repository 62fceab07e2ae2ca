package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

import java.util.List;
import java.util.Optional;

/** One entry of a source declaration's parenthesised list. */
public sealed interface SourceElement extends Node {
    /** A role a column plays: key, time, tenant or event id. */
    sealed interface ColumnRole extends SourceElement {
        Identifier column();

        Optional<TypeNode> type();

        String keyword();
    }

    record KeyElement(Identifier column, Optional<TypeNode> type, SourceLocation location) implements ColumnRole {
        @Override
        public String keyword() {
            return "key";
        }
    }

    record TimeElement(Identifier column, Optional<TypeNode> type, SourceLocation location) implements ColumnRole {
        @Override
        public String keyword() {
            return "time";
        }
    }

    record TenantElement(Identifier column, Optional<TypeNode> type, SourceLocation location) implements ColumnRole {
        @Override
        public String keyword() {
            return "tenant";
        }
    }

    record EventIdElement(Identifier column, Optional<TypeNode> type, SourceLocation location) implements ColumnRole {
        @Override
        public String keyword() {
            return "event id";
        }
    }

    record EventNameElement(Identifier column, Optional<TypeNode> type, SourceLocation location) implements ColumnRole {
        @Override
        public String keyword() {
            return "event name";
        }
    }

    record ColumnsElement(List<ColumnDefinition> columns, SourceLocation location) implements SourceElement {
        public ColumnsElement {
            columns = List.copyOf(columns);
        }
    }
}
