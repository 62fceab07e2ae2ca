package io.funnelql.lint.model;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.Linter;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog a statement sees is the one of its place in the file, even when statements are analysed out of order. */
class CatalogTest {
    private static RelationShape keyed(String column) {
        return new RelationShape(Optional.of("users"), Optional.of(List.of("id", "email")),
                column == null ? List.of() : List.of(Set.of(column)), Optional.empty(), List.of());
    }

    @Test
    void aSnapshotKeepsTheDefinitionsOfItsTimeAndTheLiveCatalogSeesTheLatest() {
        Catalog catalog = new Catalog();
        assertThat(catalog.snapshot().lookup("users")).isEmpty();
        catalog.add("app.users", keyed(null));
        Catalog before = catalog.snapshot();
        catalog.addKey("app.users", Set.of("id"));
        Catalog after = catalog.snapshot();
        catalog.add("app.users", keyed("email"));

        assertThat(before.lookup("users").orElseThrow().uniqueKeys()).isEmpty();
        assertThat(after.lookup("app.users").orElseThrow().uniqueKeys()).containsExactly(Set.of("id"));
        assertThat(after.lookup("users").orElseThrow().uniqueKeys()).as("by its last part, the first definition")
                .isEmpty();
        assertThat(catalog.lookup("app.users").orElseThrow().uniqueKeys()).containsExactly(Set.of("email"));
        assertThatThrownBy(() -> after.add("other", keyed(null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLargeFileIsCheckedAgainstTheCatalogOfEachStatementsPlace() {
        // Over 64 statements the queries are checked on all cores: each must still see only the
        // tables declared before it. The same join fans out before users declares its key, not after.
        String join = "SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.user_id;\n";
        StringBuilder sql = new StringBuilder("CREATE TABLE orders (id int PRIMARY KEY, user_id int);\n")
                .append("CREATE TABLE users (id int, email text);\n");
        sql.append(join.repeat(50));
        sql.append("CREATE UNIQUE INDEX users_id ON users (id);\n");
        sql.append(join.repeat(50));
        List<Integer> lines = new Linter(LintSettings.defaults()).lint(List.of(SqlFile.of("big.sql", sql.toString())))
                .findings().stream().filter(f -> f.rule().code().equals("FQL001")).map(Finding::line).toList();
        assertThat(lines).hasSize(50).allMatch(line -> line >= 3 && line <= 52);
    }
}
