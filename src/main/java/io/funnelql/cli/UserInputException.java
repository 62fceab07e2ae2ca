package io.funnelql.cli;

/** Bad input from the user, already phrased for them; reported without a stack trace, exit code 2. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message, null, false, false);
    }
}
