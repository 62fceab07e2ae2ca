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

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(Integer.parseInt(System.getProperty(TRIES_PROPERTY, String.valueOf(DEFAULT_TRIES)).strip()));
        context.attributes().setSeed(RunSettings.seed());
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        context.attributes().setShrinking(RunSettings.shrinking());
        return property.execute();
    }
}
