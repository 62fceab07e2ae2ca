package io.funnelql.spark;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.EngineException;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.events.JdbcEventReader;
import io.funnelql.events.Shown;
import io.funnelql.input.LiveTableReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a table of a Spark Connect server ({@code --events sc://host:port --table app.events}) for
 * the reference and the engines that load events: the columns are found and their values checked
 * by the rules of JDBC tables ({@link JdbcEventReader}), the rows streamed in Arrow batches.
 */
public final class SparkTableReader implements LiveTableReader {
    @Override
    public boolean reads(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(SharedSpark.CONNECT_SCHEME);
    }

    @Override
    public EventTable read(String url, TableName table, String label, Source source) throws EventFileException {
        SparkSession session;
        try {
            session = SharedSpark.connect(url);
        } catch (EngineException e) {
            throw new EventFileException(label + ": " + e.getMessage().replaceFirst("^spark: ", ""));
        }
        try {
            String relation = SparkEngine.qualified(table.parts().stream().map(Name::value).toList());
            List<String> names = List.of(session.table(relation).schema().fieldNames());
            int[] positions = JdbcEventReader.positions(names, label, source);
            // In SQL text, which takes any name quoted; a column expression's parser refuses some.
            String columns = Arrays.stream(positions).mapToObj(position -> SparkEngine.quote(names.get(position)))
                    .collect(Collectors.joining(", "));
            Dataset<Row> rows = session.sql("SELECT " + columns + " FROM " + relation);
            return JdbcEventReader.read(new SparkRows(rows.schema(), rows.toLocalIterator()), label, source);
        } catch (EventFileException e) {
            throw e;
        } catch (Exception e) { // the reader's SQLException, and Spark's analysis errors (no such table), thrown undeclared
            throw new EventFileException(label + ": " + Shown.firstLine(e.getMessage()));
        } finally {
            SharedSpark.close(session);
        }
    }
}
