package io.funnelql.golden.differential;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Tries and seed of the tenant isolation property: {@code -Dfunnelql.tenantTries=N} (default
 * {@value #DEFAULT_TRIES}) and the differential suite's {@code -Dfunnelql.seed}.
 */
final class TenantRunSettings implements AroundPropertyHook {
    static final String TRIES_PROPERTY = "funnelql.tenantTries";
    static final int DEFAULT_TRIES = 60;

    /** Tries of the Spark property (TenantIsolationTest#sparkKeepsEachTenantsRowsApart): the first samples of the same seed. */
    static final String SPARK_TRIES_PROPERTY = "funnelql.spark.tenantTries";
    static final int DEFAULT_SPARK_TRIES = 3;

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        return run(context, property, Integer.parseInt(System.getProperty(TRIES_PROPERTY, String.valueOf(DEFAULT_TRIES)).strip()));
    }

    /** The same settings with the Spark property's tries. */
    static final class Spark implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            return run(context, property,
                    Integer.parseInt(System.getProperty(SPARK_TRIES_PROPERTY, String.valueOf(DEFAULT_SPARK_TRIES)).strip()));
        }
    }

    private static PropertyExecutionResult run(PropertyLifecycleContext context, PropertyExecutor property, int tries) {
        context.attributes().setTries(tries);
        context.attributes().setSeed(RunSettings.seed());
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        context.attributes().setShrinking(RunSettings.shrinking());
        return property.execute();
    }
}
