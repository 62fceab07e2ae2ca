package io.funnelql.lint.counterexample;

import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;

/**
 * The smallest event table found on which the hand-written SQL and the spec disagree, with both
 * results in the hand-written query's shape; {@code tried} datasets were run to find it.
 */
public record Counterexample(EventTable events, ResultTable specified, ResultTable handWritten, int tried) {}
