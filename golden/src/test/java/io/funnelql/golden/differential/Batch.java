package io.funnelql.golden.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Many datasets of one spec in one table, so that one load and one execution per engine checks
 * them all: each dataset's user ids (and event ids) get the dataset's suffix ({@code u1~007}), so
 * no key spans two datasets. Only for queries whose every result row names its user
 * ({@link DifferentialTest#batchable}): the rows of a dataset's users are then that dataset's
 * result, which the property checks on the reference too (key isolation).
 */
record Batch(List<List<Object>> rows) {
    static String suffix(int dataset) {
        return String.format("~%03d", dataset);
    }

    static Batch of(GeneratedSpec spec, List<Dataset> datasets) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            rows.addAll(renamed(spec, datasets.get(i).rows(spec), i));
        }
        return new Batch(rows);
    }

    /** A dataset's rows with its suffix on every user and event id (NULLs stay NULL). */
    static List<List<Object>> renamed(GeneratedSpec spec, List<List<Object>> rows, int dataset) {
        List<String> columns = spec.shape().csvColumns();
        int user = columns.indexOf(SourceShape.USER);
        int eventId = columns.indexOf(SourceShape.EVENT_ID);
        List<List<Object>> renamed = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row);
            suffix(copy, user, dataset);
            suffix(copy, eventId, dataset);
            renamed.add(copy);
        }
        return renamed;
    }

    private static void suffix(List<Object> row, int column, int dataset) {
        if (column >= 0 && row.get(column) != null) {
            row.set(column, row.get(column) + suffix(dataset));
        }
    }
}
