package io.funnelql.engine;

import java.time.Duration;

/** A query ran past its budget and was cancelled on the engine; the engine takes the next query. */
public final class QueryTimeoutException extends EngineException {
    private final Duration budget;

    public QueryTimeoutException(String message, Duration budget, Throwable cause) {
        super(message, cause);
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
