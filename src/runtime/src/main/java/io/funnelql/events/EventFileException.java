package io.funnelql.events;

/** An events file that cannot be read as the source declares it; the message names file, line and field. */
public final class EventFileException extends Exception {
    public EventFileException(String message) {
        super(message, null, false, false);
    }
}
