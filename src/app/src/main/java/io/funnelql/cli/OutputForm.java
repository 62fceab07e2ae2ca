package io.funnelql.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;

/** What {@code compile --as} emits. */
enum OutputForm {
    QUERY,
    VIEW,
    MATERIALIZED_VIEW,
    INCREMENTAL;

    String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code materialized-view} as well as the enum spelling. */
    static final class Converter implements CommandLine.ITypeConverter<OutputForm> {
        @Override
        public OutputForm convert(String value) {
            return Arrays.stream(values())
                    .filter(form -> form.keyword().equalsIgnoreCase(value) || form.name().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            Choices.expected(Arrays.stream(values()).map(OutputForm::keyword).toList(), value)));
        }
    }
}
