package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.ColumnDefinition;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.SourceElement;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.TypeNode;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Checks a source declaration: one key and one time column, types that agree, no column twice. */
final class SourceAnalyzer {
    private final Diagnostics diagnostics;

    SourceAnalyzer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Source> analyze(Statement.SourceDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        Map<Name, Column> columns = new LinkedHashMap<>();
        Map<Name, Identifier> declaredAt = new LinkedHashMap<>();
        Map<String, SourceElement.ColumnRole> roles = new LinkedHashMap<>();

        for (SourceElement element : declaration.elements()) {
            if (element instanceof SourceElement.ColumnsElement list) {
                for (ColumnDefinition definition : list.columns()) {
                    declare(columns, declaredAt, definition.name(), definition.type().type(), true);
                }
            }
        }
        for (SourceElement element : declaration.elements()) {
            if (element instanceof SourceElement.ColumnRole role) {
                SourceElement.ColumnRole earlier = roles.putIfAbsent(role.keyword(), role);
                if (earlier != null) {
                    diagnostics.error(role.location(), "duplicate '" + role.keyword() + "' in source "
                            + declaration.name().name().display() + " (first declared at line " + earlier.location() + ")");
                    continue;
                }
                declareRole(columns, declaredAt, role);
            }
        }

        SourceElement.ColumnRole key = roles.get("key");
        SourceElement.ColumnRole time = roles.get("time");
        if (key == null) {
            diagnostics.error(declaration.location(), "source " + declaration.name().name().display()
                    + " declares no key column; add: key <column>");
        }
        if (time == null) {
            diagnostics.error(declaration.location(), "source " + declaration.name().name().display()
                    + " declares no time column; add: time <column>");
        }
        if (time != null && columns.get(time.column().name()).type() != DataType.TIMESTAMP) {
            diagnostics.error(time.column().location(), "time column " + time.column().name().display()
                    + " must be a timestamp, found " + columns.get(time.column().name()).type().displayName());
        }
        SourceElement.ColumnRole tenant = roles.get("tenant");
        if (tenant != null && key != null && tenant.column().name().equals(key.column().name())) {
            diagnostics.error(tenant.column().location(), "the tenant column cannot also be the key column");
        }
        if (diagnostics.count() > errorsBefore) {
            return Optional.empty();
        }
        TableName table = new TableName(declaration.table().parts().stream().map(Identifier::name).toList());
        return Optional.of(new Source(declaration.name().name(), table,
                columns.get(key.column().name()),
                columns.get(time.column().name()),
                roleColumn(columns, tenant),
                roleColumn(columns, roles.get("event id")),
                roleColumn(columns, roles.get("event name")),
                new ArrayList<>(columns.values())));
    }

    private void declareRole(Map<Name, Column> columns, Map<Name, Identifier> declaredAt, SourceElement.ColumnRole role) {
        Column existing = columns.get(role.column().name());
        DataType defaultType = role instanceof SourceElement.TimeElement ? DataType.TIMESTAMP : DataType.VARCHAR;
        if (existing == null) {
            declare(columns, declaredAt, role.column(), role.type().map(TypeNode::type).orElse(defaultType), false);
        } else if (role.type().isPresent() && role.type().get().type() != existing.type()) {
            diagnostics.error(role.type().get().location(), "column " + role.column().name().display() + " is declared "
                    + existing.type().displayName() + " at line " + declaredAt.get(role.column().name()).location()
                    + " and " + role.type().get().type().displayName() + " here");
        }
    }

    private void declare(Map<Name, Column> columns, Map<Name, Identifier> declaredAt, Identifier name, DataType type,
                         boolean reportDuplicate) {
        if (columns.containsKey(name.name())) {
            if (reportDuplicate) {
                diagnostics.error(name.location(), "duplicate column " + name.name().display()
                        + " (first declared at line " + declaredAt.get(name.name()).location() + ")");
            }
            return;
        }
        columns.put(name.name(), new Column(name.name(), type));
        declaredAt.put(name.name(), name);
    }

    private static Optional<Column> roleColumn(Map<Name, Column> columns, SourceElement.ColumnRole role) {
        return Optional.ofNullable(role).map(r -> columns.get(r.column().name()));
    }
}
