package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;
import picocli.CommandLine;

import java.util.Arrays;

/** {@code --dialect postgres|duckdb|oracle|h2}. */
final class DialectConverter implements CommandLine.ITypeConverter<TargetDialect> {
    @Override
    public TargetDialect convert(String value) {
        return TargetDialect.fromKeyword(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                Choices.expected(Arrays.stream(TargetDialect.values()).map(TargetDialect::keyword).toList(), value)));
    }
}
