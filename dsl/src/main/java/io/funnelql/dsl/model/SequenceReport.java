package io.funnelql.dsl.model;

/** What a sequence query reports: one row per key, or one row of totals. */
public enum SequenceReport {
    /** Per key: whether the pattern matched (sequenceMatch) and how many non-overlapping matches (sequenceCount). */
    PER_KEY,
    /** Keys, keys that matched, and matches over all keys. */
    SUMMARY
}
