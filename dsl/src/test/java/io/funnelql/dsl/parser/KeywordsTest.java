package io.funnelql.dsl.parser;

import io.funnelql.dsl.diagnostic.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the keyword set: a grammar change that adds or drops a keyword shows up here and in docs/language.md. */
class KeywordsTest {
    @Test
    void keywordSetIsPinned() {
        assertThat(Keywords.all()).containsExactly(
                "after", "allowed", "and", "at", "attributed", "base", "between", "bigint", "boolean", "breakdown", "by",
                "clean", "cohort", "cohorts", "collapse", "columns", "condition", "conditions", "convert", "count",
                "date", "day", "decimal", "default", "depth", "double", "end", "entry", "event", "events", "every",
                "exclude", "exclusive", "false", "first", "forbidden", "from", "funnel", "gap", "hour", "id", "in",
                "inclusive", "int", "integer", "interval", "is", "key", "last", "late", "latest", "length", "like",
                "max", "metric", "microsecond", "millisecond", "minute", "mode", "month", "name", "next", "node", "not",
                "null", "offsets", "on", "or", "param", "paths", "pattern", "per", "period", "previous", "profile",
                "recurring", "repeats", "report", "retention", "return", "returning", "rolling", "row", "second",
                "sequence", "session", "sessions", "skips", "source", "start", "step", "steps", "sum", "summary",
                "table", "tenant", "text", "ties", "time", "timestamp", "to", "top", "transitions", "true",
                "varchar", "week", "where", "within", "year", "zone");
    }

    @Test
    void everyKeywordCanNameAColumn() {
        StringBuilder columns = new StringBuilder();
        for (String keyword : Keywords.all()) {
            columns.append(", ").append(keyword).append(" varchar");
        }
        String text = "source s from table t (key k, time ts, columns (x varchar" + columns + "));";
        ParseResult result = new SpecificationParser().parse(new SourceFile("k.fql", text));
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void documentedKeywordListMatches() throws Exception {
        String language = Files.readString(Path.of("../docs/language.md"));
        for (String keyword : Keywords.all()) {
            assertThat(language).as("docs/language.md lists keyword %s", keyword).contains("`" + keyword + "`");
        }
    }
}
