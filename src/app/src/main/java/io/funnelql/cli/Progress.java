package io.funnelql.cli;

import io.funnelql.engine.Processes;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress of a command's slow steps, on stderr only, so CSV and JSON on stdout stay clean. At an
 * interactive terminal every step is shown as it starts; otherwise (a pipe, a log, a test) a step
 * is shown only once it has taken longer than {@link #QUIET_FOR}, so quick runs print nothing.
 * A shown step ends its line with how long it took: {@code funnelql run: loading x.csv ... done in 1.4 s}.
 */
final class Progress {
    static final Duration QUIET_FOR = Duration.ofSeconds(1);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "funnelql-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final PrintWriter err;
    private final String command;
    private final boolean interactive;
    private final Duration quietFor;

    Progress(PrintWriter err, String command, boolean interactive, Duration quietFor) {
        this.err = err;
        this.command = command;
        this.interactive = interactive;
        this.quietFor = quietFor;
    }

    /** Java 17's console is there only when both stdin and stdout are a terminal: then a person is watching. */
    static Progress onStderr(PrintWriter err, String command) {
        return new Progress(err, command, System.console() != null, QUIET_FOR);
    }

    <T> T step(String what, Supplier<T> work) {
        Step step = new Step(what);
        try {
            T result = work.get();
            step.finish("done");
            return result;
        } catch (RuntimeException | Error e) {
            // the error message that follows starts on a line of its own
            step.finish("stopped");
            throw e;
        }
    }

    void step(String what, Runnable work) {
        step(what, () -> {
            work.run();
            return null;
        });
    }

    /** One step's line: started now or by the timer, ended by {@link #finish}, printed at most once each. */
    private final class Step {
        private final String what;
        private final long startNanos = System.nanoTime();
        private final ScheduledFuture<?> timer;
        private boolean shown;
        private boolean finished;

        Step(String what) {
            this.what = what;
            if (interactive) {
                show();
                timer = null;
            } else {
                timer = TIMER.schedule(this::show, quietFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void show() {
            if (!finished && !shown) {
                shown = true;
                err.print("funnelql " + command + ": " + what + " ...");
                err.flush();
            }
        }

        synchronized void finish(String outcome) {
            finished = true;
            if (timer != null) {
                timer.cancel(false);
            }
            if (shown) {
                err.println(" " + outcome + " in " + Processes.elapsed(startNanos));
                err.flush();
            }
        }
    }
}
