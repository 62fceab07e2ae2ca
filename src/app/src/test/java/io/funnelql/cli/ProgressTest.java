package io.funnelql.cli;

import io.funnelql.input.UserInputException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void aQuickStepAwayFromATerminalPrintsNothing() {
        Progress progress = new Progress(new PrintWriter(err), "run", false, Duration.ofSeconds(5));
        assertThat(progress.step("loading events.csv", () -> 42)).isEqualTo(42);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aSlowStepAwayFromATerminalIsShownOnceItIsSlow() {
        Progress progress = new Progress(new PrintWriter(err), "run", false, Duration.ofMillis(50));
        progress.step("starting postgres", () -> sleep(400));
        assertThat(err.toString()).matches("funnelql run: starting postgres \\.\\.\\. done in \\d+\\.\\d s\\n");
    }

    @Test
    void atATerminalEveryStepIsShownAndAFailureEndsItsLine() {
        Progress progress = new Progress(new PrintWriter(err), "verify", true, Duration.ofSeconds(5));
        progress.step("loading events.csv", () -> { });
        assertThatThrownBy(() -> progress.step("running f", () -> {
            throw new UserInputException("funnelql: bad");
        })).isInstanceOf(UserInputException.class);
        assertThat(err.toString()).matches("funnelql verify: loading events.csv \\.\\.\\. done in \\d+\\.\\d s\\n"
                + "funnelql verify: running f \\.\\.\\. stopped in \\d+\\.\\d s\\n");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
