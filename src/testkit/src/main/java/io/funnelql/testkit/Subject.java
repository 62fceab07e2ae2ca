package io.funnelql.testkit;

import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.EventTable;

/** What a check runs: one query of a spec over one set of events, with the names failures use for them. */
record Subject(String specName, Specification specification, Query query, String eventsName, EventTable events) {
    /** "query checkout of examples/checkout.fql over events examples/events.csv", the first line of every failure. */
    String describe() {
        return "query " + query.name().display() + " of " + specName + " over events " + eventsName;
    }
}
