package io.funnelql.input;

/**
 * Bad input from the user, already phrased for them; reported without a stack trace, exit code 2.
 * Public so the test kit can turn it into a test failure that shows just the message.
 */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message, null, false, false);
    }
}
