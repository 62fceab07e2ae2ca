package io.funnelql.reference;

import io.funnelql.result.ResultTable;

/**
 * A query's executor, fed one batch of whole keys at a time: a batch may hold many keys (a
 * whole file) or exactly one (a stream ordered by key), and a key never spans two batches.
 * Memory held between batches is per key result, never per event.
 */
public interface QueryExecutor {
    void accumulate(QueryRows batch);

    ResultTable finish();
}
