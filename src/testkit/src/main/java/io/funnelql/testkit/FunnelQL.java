package io.funnelql.testkit;

import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.input.SpecificationFiles;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The test kit's entry point: {@code FunnelQL.spec(path).query("name").events(path)
 * .onEngines(Engine.DUCKDB, Engine.POSTGRES).assertRows(expectedCsv)}. Every step returns a new,
 * immutable object, so a partly built check can be shared by several tests. Described in
 * docs/test-kit.md ("JUnit 5 API").
 */
public final class FunnelQL {
    /** The name an inline spec's diagnostics give as its file: {@code inline spec:3:7: error: ...}. */
    static final String INLINE_SPEC = "inline spec";

    private FunnelQL() {}

    /** The spec in a .fql file. A spec that does not check fails here with its {@code file:line:col} diagnostics. */
    public static SpecUnderTest spec(Path file) {
        Objects.requireNonNull(file, "file");
        return new SpecUnderTest(file.toString(), Failures.userInput(() -> SpecificationFiles.load(file)));
    }

    /** A spec written in the test itself, e.g. as a text block. */
    public static SpecUnderTest specText(String text) {
        Objects.requireNonNull(text, "text");
        return new SpecUnderTest(INLINE_SPEC,
                Failures.userInput(() -> SpecificationFiles.load(new SourceFile(INLINE_SPEC, text))));
    }
}
