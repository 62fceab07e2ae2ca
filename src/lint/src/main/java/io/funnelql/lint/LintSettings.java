package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Source;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a lint run knows beyond the SQL: the dialect, the FunnelQL sources of {@code --schema},
 * and the tenant column ({@code --tenant-column}, else every tenant column the sources declare).
 */
public record LintSettings(TargetDialect dialect, List<Source> sources, Optional<String> tenantColumnOption) {
    public LintSettings {
        sources = List.copyOf(sources);
        tenantColumnOption = tenantColumnOption.map(c -> c.toLowerCase(Locale.ROOT));
    }

    public static LintSettings defaults() {
        return new LintSettings(TargetDialect.POSTGRES, List.of(), Optional.empty());
    }

    public Set<String> tenantColumns() {
        Set<String> columns = new LinkedHashSet<>();
        tenantColumnOption.ifPresent(columns::add);
        for (Source source : sources) {
            source.tenant().ifPresent(t -> columns.add(t.name().value().toLowerCase(Locale.ROOT)));
        }
        return columns;
    }
}
