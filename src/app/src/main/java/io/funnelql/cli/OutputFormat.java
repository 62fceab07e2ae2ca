package io.funnelql.cli;

import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;

/** {@code --format table|csv|json}. */
enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    /** {@code table}, {@code csv} or {@code json}, any case; a typo gets a suggestion. */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(Choices.expected(
                            Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT)).toList(), value)));
        }
    }

    String render(ResultTable result) {
        return switch (this) {
            case TABLE -> ResultFormatter.table(result);
            case CSV -> ResultFormatter.csv(result);
            case JSON -> ResultFormatter.json(result);
        };
    }
}
