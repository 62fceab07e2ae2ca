package io.funnelql.lint.parse;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.Linter;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import io.funnelql.lint.model.Nodes;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlSelect;

/** Cutting a file into statements and parsing each: the work is linear in the file's size. */
class SqlScriptParserTest {
    /** A dashboard file of {@code count} statements of a few shapes, as a scheduled job would accumulate them. */
    static String generated(int count) {
        StringBuilder sql = new StringBuilder("-- generated: daily funnel snapshots\n");
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0 -> sql.append("INSERT INTO funnel_daily (day, views, plays)\nSELECT date_trunc('day', v.ts)::date, ")
                        .append("COUNT(*), COUNT(p.id)\nFROM views v LEFT JOIN plays p ON p.user_id = v.user_id\n")
                        .append("  AND p.ts > v.ts AND p.ts <= v.ts + INTERVAL '30 min'\nWHERE v.ts >= DATE '2024-01-01' + ")
                        .append(i % 365).append("\nGROUP BY 1;\n");
                case 1 -> sql.append("SELECT account_id, COUNT(*) FILTER (WHERE props ->> 'plan' = 'pro') AS pro_")
                        .append(i).append("\nFROM events WHERE ts > now() - '7 days'::interval GROUP BY 1;\n");
                case 2 -> sql.append("CREATE MATERIALIZED VIEW mv_").append(i)
                        .append(" AS\nSELECT user_id, MIN(ts) AS first_seen FROM events GROUP BY user_id WITH NO DATA;\n");
                default -> sql.append("REFRESH MATERIALIZED VIEW mv_").append(i - 1).append(";\n");
            }
        }
        return sql.toString();
    }

    @Test
    void eachStatementIsParsedFromItsOwnTextSoTheWorkGrowsLinearly() {
        // The parser used to hand Babel the whole file up to each statement (blanked), which made a
        // 2 MB file take minutes: the characters it parsed grew with the square of the file's size.
        for (int count : new int[] {400, 4000}) {
            SqlFile file = SqlFile.of("big.sql", generated(count));
            SqlScriptParser parser = new SqlScriptParser();
            ParsedFile parsed = parser.parse(file);
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.statements()).hasSize(count - count / 4);
            assertThat(parser.charactersParsed()).as("characters handed to Babel for %d statements", count)
                    .isLessThanOrEqualTo(file.text().length() * 5L / 4);
        }
    }

    @Test
    void aLargeFileIsLintedInSeconds() {
        // A generous bound (the measured figure is in docs/lint/README.md): the quadratic parser took
        // over four seconds for a tenth of this.
        SqlFile file = SqlFile.of("big.sql", generated(8000));
        assertThat(file.text().length()).isGreaterThan(1_000_000);
        long start = System.nanoTime();
        LintReport report = new Linter(LintSettings.defaults()).lint(List.of(file));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(report.hasSyntaxErrors()).isFalse();
        assertThat(seconds).isLessThan(60);
    }

    @Test
    void oneHugeStatementIsRewrittenInLinearTime() {
        // 20 000 casts and an IN list of 20 000 names: each rewrite looks at its neighbours only.
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i > 0 ? ", " : "").append('c').append(i).append("::int AS a").append(i);
        }
        sql.append(" FROM t WHERE x IN (");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i > 0 ? ", " : "").append('v').append(i);
        }
        sql.append(") AND ts > now() - INTERVAL '1 day'");
        long start = System.nanoTime();
        ParsedFile parsed = new SqlScriptParser().parse(SqlFile.of("huge.sql", sql.toString()));
        assertThat(parsed.problems()).isEmpty();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }

    @Test
    void positionsInsideARewriteCoverTheTokensAsWritten() {
        SqlFile file = SqlFile.of("q.sql", "SELECT 1;\n  SELECT ts + INTERVAL '2 weeks' AS later FROM t");
        ParsedFile parsed = new SqlScriptParser().parse(file);
        SqlStatement.Query query = (SqlStatement.Query) parsed.statements().get(1);
        assertThat(query.positions().text()).contains("INTERVAL '14' DAY");
        var select = (SqlSelect) query.query();
        var plus = ((SqlCall) select.getSelectList().get(0)).operand(0);
        PositionMap.Region region = query.positions().region(Nodes.span(plus));
        assertThat(file.text().substring(region.start(), region.end() + 1)).isEqualTo("ts + INTERVAL '2 weeks'");
        assertThat(file.lineOf(region.start())).isEqualTo(2);
        assertThat(file.columnOf(region.start())).isEqualTo(10);
    }

    /** One-line forms from PostgreSQL, DuckDB and Oracle dashboards, each of which must parse. */
    @Test
    void theFormsUsersWriteParse() {
        String sql = """
                SELECT date_trunc('week', created_at AT TIME ZONE 'America/New_York')::date AS week, count(*) FROM users GROUP BY 1;
                SELECT user_id, array_agg(DISTINCT event_name ORDER BY event_name) FILTER (WHERE event_name IS NOT NULL) FROM events GROUP BY 1;
                SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90 FROM requests WHERE ts > now() - interval '1 hour';
                SELECT * FROM events WHERE ts BETWEEN :'start'::timestamptz AND :'end'::timestamptz;
                SELECT jsonb_array_elements(props->'items')->>'sku' AS sku FROM orders;
                SELECT (props#>>'{address,city}') AS city, props->'tags' ? 'vip' AS vip FROM customers;
                SELECT id FROM t WHERE tags && ARRAY['a','b']::text[];
                SELECT coalesce(sum(amount) filter (where status = 'paid'), 0)::numeric(12,2) / nullif(count(*), 0) FROM invoices;
                SELECT to_char(date_trunc('month', ts), 'YYYY-MM') AS month, count(*) FROM events GROUP BY 1 ORDER BY 1;
                SELECT e.*, row_number() over w AS rn FROM events e WINDOW w AS (PARTITION BY user_id ORDER BY ts, id);
                SELECT generate_series(date '2024-01-01', date '2024-12-01', '1 month'::interval)::date AS month;
                SELECT * FROM events WHERE ts >= date_trunc('day', now()) - interval '7 day' AND ts < date_trunc('day', now());
                SELECT user_id, ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts, id) > interval '30 minutes' AS new_session FROM events;
                SELECT count(*) FROM events WHERE name = ANY ('{signup,login}'::text[]);
                SELECT extract(epoch FROM (max(ts) - min(ts)))/60 AS minutes FROM sessions;
                SELECT cast(extract(isodow from ts) as int) AS dow FROM events;
                SELECT "Order ID", "Customer Name" FROM "Orders" WHERE "Status" = 'done';
                SELECT a.id FROM a LEFT JOIN LATERAL (SELECT b.x FROM b WHERE b.a_id = a.id ORDER BY b.ts DESC LIMIT 1) last_b ON TRUE;
                SELECT ts::date, count(*) FILTER (WHERE kind = 'error')::float / greatest(count(*), 1) FROM logs GROUP BY 1;
                WITH x AS MATERIALIZED (SELECT 1 AS a) SELECT * FROM x;
                SELECT date '2024-01-01' + (n || ' days')::interval FROM generate_series(0, 6) n;
                SELECT INTERVAL '1' DAY * 3, make_interval(days => 3) FROM t;
                SELECT string_agg(name, ', ' ORDER BY name) FROM users;
                SELECT user_id FROM events GROUP BY user_id HAVING bool_or(name = 'purchase') AND NOT bool_or(name = 'refund');
                SELECT t.* FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, label);
                SELECT * FROM ONLY parent_table;
                SELECT id FROM t ORDER BY ts DESC NULLS LAST LIMIT 10;
                SELECT x::int FROM t WHERE y::text LIKE '1%';
                SELECT count(*) FROM t WHERE ts > current_timestamp - '1 hour'::interval;
                SELECT width_bucket(amount, 0, 1000, 10) AS bucket, count(*) FROM orders GROUP BY 1;
                SELECT typeof(x), x::VARCHAR, list_value(1, 2) FROM t;
                SELECT date_diff('day', a, b), datediff('minute', a, b), date_add(a, INTERVAL 3 DAY) FROM t;
                SELECT strftime(ts, '%Y-%m') AS month FROM events;
                SELECT * FROM t USING SAMPLE 10%;
                SELECT epoch_ms(ts) FROM t;
                SELECT * FROM 'data/*.parquet';
                SELECT * FROM orders o WHERE o.created_at > SYSDATE - INTERVAL '30' DAY AND ROWNUM <= 10;
                SELECT customer_id, NVL2(email, 'y', 'n'), TO_NUMBER(TO_CHAR(ts, 'YYYY')) FROM customers;
                SELECT TRUNC(ts, 'MM') AS month, COUNT(*) FROM events GROUP BY TRUNC(ts, 'MM') ORDER BY month;
                SELECT * FROM (SELECT a.*, ROWNUM rnum FROM (SELECT * FROM t ORDER BY ts) a WHERE ROWNUM <= 20) WHERE rnum > 10;
                SELECT employee_id, LEVEL, SYS_CONNECT_BY_PATH(last_name, '/') FROM employees START WITH manager_id IS NULL CONNECT BY PRIOR employee_id = manager_id;
                WITH q AS (SELECT /*+ MATERIALIZE */ id FROM t) SELECT * FROM q;
                SELECT EXTRACT(YEAR FROM hire_date), COUNT(*) FROM employees GROUP BY EXTRACT(YEAR FROM hire_date);
                SELECT id, CASE WHEN status IN ('A', 'B') THEN 1 ELSE 0 END FROM t WHERE created_at BETWEEN TO_DATE('2024-01-01', 'YYYY-MM-DD') AND TO_DATE('2024-02-01', 'YYYY-MM-DD');
                SELECT a.id, b.id FROM a, b WHERE a.k = b.k(+) AND a.x = 1;
                SELECT COUNT(*) OVER (PARTITION BY dept ORDER BY hire_date RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND CURRENT ROW) FROM employees;
                SELECT id FROM t OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY;
                SELECT regexp_substr(email, '@(.*)$', 1, 1, NULL, 1) AS domain FROM users;
                SELECT * FROM events SAMPLE (10);
                SELECT user_id, min(ts) FILTER (WHERE kind = 'a') AS first_a FROM events GROUP BY ALL;
                SELECT * FROM events e POSITIONAL JOIN other o;
                SELECT {'a': 1, 'b': 2} AS s;
                SELECT l[1], l[-1] FROM t;
                SELECT * FROM range(10) r(i);
                SELECT hour(ts), dayofweek(ts) FROM t;
                SELECT arg_max(page, ts) AS last_page, count(*) FROM hits GROUP BY visit_id;
                SELECT * FROM t1 NATURAL JOIN t2;
                SELECT * FROM t1 ANTI JOIN t2 USING (id);
                SELECT * FROM t1 SEMI JOIN t2 USING (id);
                CREATE OR REPLACE TABLE daily AS SELECT ts::DATE AS day, count(*) AS n FROM events GROUP BY ALL;
                INSERT OR REPLACE INTO daily SELECT 1, 2;
                SELECT x FROM t WHERE x SIMILAR TO '%(b|d)%';
                SELECT count(*) FILTER (kind = 'a') FROM t;
                SELECT * REPLACE (upper(name) AS name) FROM users;
                SELECT COLUMNS('sales_.*') FROM t;
                """;
        ParsedFile parsed = new SqlScriptParser().parse(SqlFile.of("forms.sql", sql));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.statements()).hasSize(65);
    }

    /** Forms that gave FQL000 although valid in their dialect (issue 19): slices, q-quotes, no FROM, PIVOT. */
    @Test
    void slicesQuotedStringsPivotsAndSelectsWithoutFromParse() {
        String sql = """
                SELECT steps[1:2] AS first_two, steps[:n] AS head, steps[2:] AS tail, name[1:3] FROM paths;
                SELECT path[2:-1][1] AS second FROM (SELECT list(event ORDER BY ts) AS path FROM events GROUP BY user_id) p;
                SELECT q'[it's a 'quoted' name]' AS label, Q'{a}' AS other, nq'!x!' AS national FROM dual;
                SELECT COUNT(*) FROM events WHERE note = q'(can't)';
                SELECT 1 AS ok WHERE EXISTS (SELECT 1 FROM events WHERE ts > now() - INTERVAL '1 day');
                SELECT :flag AS flag WHERE :flag;
                PIVOT monthly ON month USING sum(revenue) GROUP BY account_id;
                PIVOT (SELECT account_id, month, revenue FROM orders) ON month IN ('2024-01', '2024-02') USING sum(revenue) AS total, count(*);
                PIVOT events ON event_name;
                UNPIVOT monthly ON jan, feb, mar INTO NAME month VALUE revenue;
                SELECT * FROM monthly PIVOT (sum(revenue) FOR month IN ('jan', 'feb') GROUP BY account_id);
                SELECT * FROM (SELECT account_id, step, ts FROM funnel) PIVOT (COUNT(ts) AS n FOR step IN ('view' AS viewed, 'buy' AS bought));
                SELECT * FROM (SELECT account_id, step, ts FROM funnel) PIVOT (COUNT(ts) FOR step IN ('view' viewed, 'buy' bought));
                SELECT * FROM monthly UNPIVOT (revenue FOR month IN (jan, feb, mar));
                """;
        ParsedFile parsed = new SqlScriptParser().parse(SqlFile.of("forms.sql", sql));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.statements()).hasSize(14);
    }
}
