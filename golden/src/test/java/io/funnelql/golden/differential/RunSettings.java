package io.funnelql.golden.differential;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.util.Locale;

/**
 * Tries and seed of the differential property: fixed by default, so CI runs the same pairs every
 * time, and overridden by {@code -Dfunnelql.tries=N} and {@code -Dfunnelql.seed=S}
 * (surefire passes Maven's -D properties on to the test JVM).
 */
final class RunSettings implements AroundPropertyHook {
    static final String TRIES_PROPERTY = "funnelql.tries";
    static final String SEED_PROPERTY = "funnelql.seed";
    static final String SHRINKING_PROPERTY = "funnelql.shrinking";
    /** Tries of the Spark property (DifferentialTest#sparkAgreesWithTheReference): the first pairs of the same seed. */
    static final String SPARK_TRIES_PROPERTY = "funnelql.spark.tries";
    static final int DEFAULT_SPARK_TRIES = 4;
    /** Tries of the sequence property (DifferentialTest#sequencesAgreeWithTheReference): sequence specs only. */
    static final String SEQUENCE_TRIES_PROPERTY = "funnelql.sequence.tries";
    static final int DEFAULT_SEQUENCE_TRIES = 60;
    /** Tries of the paths property (DifferentialTest#pathsAgreeWithTheReference): paths specs only. */
    static final String PATHS_TRIES_PROPERTY = "funnelql.paths.tries";
    static final int DEFAULT_PATHS_TRIES = 40;
    /** With {@link DifferentialTest#DATASETS_PER_SPEC} datasets each: the pairs docs/differential-testing.md measures. */
    static final int DEFAULT_TRIES = 250;
    static final String DEFAULT_SEED = "20250605";

    static int tries() {
        return Integer.parseInt(System.getProperty(TRIES_PROPERTY, String.valueOf(DEFAULT_TRIES)).strip());
    }

    static int sparkTries() {
        return Integer.parseInt(System.getProperty(SPARK_TRIES_PROPERTY, String.valueOf(DEFAULT_SPARK_TRIES)).strip());
    }

    static int sequenceTries() {
        return Integer.parseInt(System.getProperty(SEQUENCE_TRIES_PROPERTY, String.valueOf(DEFAULT_SEQUENCE_TRIES)).strip());
    }

    static int pathsTries() {
        return Integer.parseInt(System.getProperty(PATHS_TRIES_PROPERTY, String.valueOf(DEFAULT_PATHS_TRIES)).strip());
    }

    /** FULL by default; {@code -Dfunnelql.shrinking=OFF} reports a failure at once, unshrunk (a full shrink can take many minutes). */
    static ShrinkingMode shrinking() {
        return ShrinkingMode.valueOf(System.getProperty(SHRINKING_PROPERTY, "FULL").strip().toUpperCase(Locale.ROOT));
    }

    static String seed() {
        return System.getProperty(SEED_PROPERTY, DEFAULT_SEED).strip();
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        return run(context, property, tries());
    }

    /** The same settings with {@link #sparkTries()} tries. */
    static final class Spark implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            return run(context, property, sparkTries());
        }
    }

    /** The same settings with {@link #sequenceTries()} tries. */
    static final class Sequences implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            return run(context, property, sequenceTries());
        }
    }

    /** The same settings with {@link #pathsTries()} tries. */
    static final class Paths implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            return run(context, property, pathsTries());
        }
    }

    private static PropertyExecutionResult run(PropertyLifecycleContext context, PropertyExecutor property, int tries) {
        context.attributes().setTries(tries);
        context.attributes().setSeed(seed());
        // A failure's seed is reported and rerun by hand with -Dfunnelql.seed: no hidden database replay.
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        // Shrinking runs every engine per step: bounded shrinking (10 s) stops far from a minimal case.
        context.attributes().setShrinking(shrinking());
        return property.execute();
    }
}
