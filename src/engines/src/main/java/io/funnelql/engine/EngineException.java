package io.funnelql.engine;

/** An engine failed to start, load or run something; the message names the engine. */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }
}
