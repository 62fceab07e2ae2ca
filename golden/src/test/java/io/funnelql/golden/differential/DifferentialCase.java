package io.funnelql.golden.differential;

import java.util.List;

/**
 * One try of the property: a spec and the datasets it runs over. The spec is compiled once per
 * dialect and reused for every dataset, which is what lets thousands of pairs run in minutes;
 * when {@code batched}, the datasets run together as one table ({@link Batch}).
 */
record DifferentialCase(GeneratedSpec spec, List<Dataset> datasets, boolean batched) {
    /** How jqwik prints a sample: the spec.fql and every dataset as events.csv. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\n--- spec.fql ---\n").append(spec.text());
        for (int i = 0; i < datasets.size(); i++) {
            text.append("--- dataset ").append(i + 1).append(": events.csv ---\n")
                    .append(EventsCsv.write(spec, datasets.get(i)));
        }
        return text.toString();
    }
}
