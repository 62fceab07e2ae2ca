package io.funnelql.golden;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The golden runner's own rules, on broken copies of real cases: each mistake fails with a message that says what to do. */
class GoldenCasesRulesTest {
    @TempDir
    Path temp;

    @AfterAll
    static void closeEngines() {
        SharedEngines.closeAll();
    }

    private Path copy(String name) throws IOException {
        Path target = temp.resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(GoldenCasesTest.CASES.resolve(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void aCopiedCasePassesEveryCheck() throws Exception {
        Path folder = copy("entry-first");
        GoldenCasesTest.checkFiles(folder);
        GoldenCasesTest.checkReference(GoldenCase.load(folder));
        assertThatCode(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "duckdb")).doesNotThrowAnyException();
    }

    @Test
    void aSnapshotForAnUnknownDialectIsStale() throws Exception {
        Path folder = copy("entry-first");
        Files.writeString(folder.resolve("expected.mysql.sql"), "SELECT 1\n");
        assertThatThrownBy(() -> GoldenCasesTest.checkFiles(folder)).hasMessageContaining("stale snapshot expected.mysql.sql")
                .hasMessageContaining("no dialect 'mysql'");
    }

    @Test
    void aSnapshotForASkippedEngineIsStale() throws Exception {
        Path folder = copy("interval-arithmetic");
        Files.writeString(folder.resolve("expected.h2.sql"), "SELECT 1\n");
        assertThatThrownBy(() -> GoldenCasesTest.checkFiles(folder)).hasMessageContaining("stale snapshot expected.h2.sql")
                .hasMessageContaining("engine h2 is skipped");
    }

    @Test
    void aMissingSnapshotAndAnUnknownFileFail() throws Exception {
        Path folder = copy("entry-first");
        Files.delete(folder.resolve("expected.oracle.sql"));
        Files.writeString(folder.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> GoldenCasesTest.checkFiles(folder))
                .hasMessageContaining("missing snapshot expected.oracle.sql for engine oracle-h2")
                .hasMessageContaining("unknown file notes.txt");
    }

    @Test
    void aSkipNeedsAReasonAndAKnownEngine() throws Exception {
        Path folder = copy("entry-first");
        Files.writeString(folder.resolve("skip"), "h2:   \n");
        assertThatThrownBy(() -> GoldenCase.load(folder)).hasMessageContaining("gives no reason");
        Files.writeString(folder.resolve("skip"), "h2\n");
        assertThatThrownBy(() -> GoldenCase.load(folder)).hasMessageContaining("gives no reason");
        Files.writeString(folder.resolve("skip"), "mysql: not there\n");
        assertThatThrownBy(() -> GoldenCase.load(folder)).hasMessageContaining("unknown engine 'mysql'");
        Files.writeString(folder.resolve("skip"), "reference: it is slow\n");
        assertThatThrownBy(() -> GoldenCase.load(folder)).hasMessageContaining("the reference can only be skipped for a 'known disagreement");
        Files.writeString(folder.resolve("skip"), "all: a\nh2: b\n");
        assertThatThrownBy(() -> GoldenCase.load(folder)).hasMessageContaining("engine h2 is skipped twice");
    }

    @Test
    void aRefusalSkipFailsWhenTheQueryCompiles() throws Exception {
        Path folder = copy("entry-first");
        Files.writeString(folder.resolve("skip"), "h2: not compiled to SQL yet\n");
        assertThatThrownBy(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "h2"))
                .hasMessageContaining("case entry-first on h2").hasMessageContaining("but it compiles for H2");
    }

    @Test
    void aRefusalSkipMustQuoteTheCompilersRefusal() throws Exception {
        Path folder = copy("interval-arithmetic");
        Files.writeString(folder.resolve("skip"), "all: some other reason\n");
        assertThatThrownBy(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "postgres"))
                .hasMessageContaining("the skip's reason must be the compiler's refusal");
    }

    @Test
    void aKnownDisagreementSkipFailsWhenTheEngineAgrees() throws Exception {
        Path folder = copy("entry-first");
        Files.delete(folder.resolve("expected.duckdb.sql"));
        Files.writeString(folder.resolve("skip"), "duckdb: known disagreement — none really\n");
        GoldenCasesTest.checkFiles(folder);
        assertThatThrownBy(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "duckdb"))
                .hasMessageContaining("now agrees with expected.csv and the reference");
    }

    @Test
    void aReferenceSkipFailsWhenTheReferenceAgrees() throws Exception {
        Path folder = copy("entry-first");
        Files.writeString(folder.resolve("skip"), "reference: known disagreement — none really\n");
        assertThatThrownBy(() -> GoldenCasesTest.checkReference(GoldenCase.load(folder)))
                .hasMessageContaining("the reference now gives expected.csv");
    }

    @Test
    void wrongExpectedRowsNameTheCaseAndEngineAndShowTheRowDiff() throws Exception {
        Path folder = copy("entry-first");
        String expected = Files.readString(folder.resolve("expected.csv"));
        Files.writeString(folder.resolve("expected.csv"), expected.replace("u2,3,c", "u2,2,b"));
        assertThatThrownBy(() -> GoldenCasesTest.checkReference(GoldenCase.load(folder)))
                .hasMessageContaining("case entry-first: the reference executor's result differs from expected.csv")
                .hasMessageContaining("- u2,2,b").hasMessageContaining("+ u2,3,c");
        assertThatThrownBy(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "duckdb"))
                .hasMessageContaining("case entry-first on duckdb")
                .hasMessageContaining("rows differ from expected.csv (- expected.csv, + duckdb)")
                .hasMessageContaining("- u2 | 2 | b").hasMessageContaining("+ u2 | 3 | c")
                .hasMessageNotContaining("rows differ from the reference");
    }

    @Test
    void aChangedSqlSnapshotShowsALineDiff() throws Exception {
        Path folder = copy("entry-first");
        Path snapshot = folder.resolve("expected.duckdb.sql");
        Files.writeString(snapshot, Files.readString(snapshot).replace("\"f_events\"", "\"f_evts\""));
        assertThatThrownBy(() -> GoldenCasesTest.checkEngine(GoldenCase.load(folder), "duckdb"))
                .hasMessageContaining("the compiled SQL differs from expected.duckdb.sql")
                .hasMessageContaining("@@ expected line").hasMessageContaining("- WITH \"f_evts\" AS MATERIALIZED (")
                .hasMessageContaining("+ WITH \"f_events\" AS MATERIALIZED (");
    }
}
