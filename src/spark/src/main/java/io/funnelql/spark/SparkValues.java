package io.funnelql.spark;

import io.funnelql.engine.ResultValues;
import io.funnelql.result.ResultTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A query's rows as the reference's types. With {@code spark.sql.datetime.java8API.enabled}, Spark
 * hands over DATE as LocalDate, TIMESTAMP_NTZ as LocalDateTime and TIMESTAMP as an Instant (read
 * in UTC); the rest is what {@link ResultValues#plain} makes of JDBC's objects.
 */
final class SparkValues {
    private SparkValues() {}

    static ResultTable read(Dataset<Row> result) {
        StructField[] fields = result.schema().fields();
        List<String> columns = Arrays.stream(fields).map(StructField::name).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : result.collectAsList()) {
            List<Object> values = new ArrayList<>(fields.length);
            for (int c = 0; c < fields.length; c++) {
                values.add(ResultValues.plain(javaTime(row.get(c)), fields[c].name(), fields[c].dataType().simpleString()));
            }
            rows.add(values);
        }
        return ResultTable.sorted(columns, rows);
    }

    /**
     * A Spark Connect client hands over a DATE as java.sql.Date and a TIMESTAMP as java.sql.Timestamp
     * whatever the session's java8API setting: as the LocalDate and Instant a local session gives.
     */
    static Object javaTime(Object value) {
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value;
    }
}
