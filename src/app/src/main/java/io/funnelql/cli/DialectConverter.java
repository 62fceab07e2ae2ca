package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code --dialect postgres|duckdb|oracle|h2}. */
final class DialectConverter implements CommandLine.ITypeConverter<TargetDialect> {
    @Override
    public TargetDialect convert(String value) {
        return TargetDialect.fromKeyword(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "expected one of " + Arrays.stream(TargetDialect.values()).map(TargetDialect::keyword)
                        .collect(Collectors.joining(", ")) + " but was '" + value + "'"));
    }
}
