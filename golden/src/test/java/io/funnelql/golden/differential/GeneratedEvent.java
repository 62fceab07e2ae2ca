package io.funnelql.golden.differential;

/**
 * One generated event: a value for every column a shape may have (null where the shape lacks
 * the column, or for SQL NULL). Its time is still a choice, resolved against the grid and the row before.
 */
record GeneratedEvent(String tenant, String user, Long title, EventTime time, String eventName, Object property,
                      String eventId) {}
