package io.funnelql.dsl.analysis;

import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one analysis run so that all of them are reported together. */
final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();

    void error(SourceLocation location, String message) {
        found.add(Diagnostic.error(location, message));
    }

    boolean hasErrors() {
        return !found.isEmpty();
    }

    int count() {
        return found.size();
    }

    /** In source order, so a user reads them top to bottom. */
    List<Diagnostic> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> d.location().line()).thenComparingInt(d -> d.location().column()))
                .toList();
    }
}
