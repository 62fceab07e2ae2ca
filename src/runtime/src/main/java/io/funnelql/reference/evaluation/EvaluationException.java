package io.funnelql.reference.evaluation;

/** A run-time error in an expression, such as integer overflow; reported to the user, exit 2. */
public final class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message, null, false, false);
    }
}
