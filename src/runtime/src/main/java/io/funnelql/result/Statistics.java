package io.funnelql.result;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** The few statistics results report, each defined once so every engine's SQL can match it. */
public final class Statistics {
    private Statistics() {}

    /** {@code 100 * part / whole} rounded half-up to 2 decimals; null when {@code whole} is 0. */
    public static Double percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Continuous percentile (linear interpolation, as SQL's percentile_cont); null for no values. */
    public static Double percentile(double[] values, double fraction) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        // Interpolated in whole microseconds, as the SQL does: in seconds, 147.5 µs came out as
        // 1.4749999999999998E-4 and rounded down.
        double lowerMicros = Math.rint(sorted[lower] * 1_000_000);
        double upperMicros = Math.rint(sorted[upper] * 1_000_000);
        double micros = lowerMicros + (upperMicros - lowerMicros) * (position - lower);
        return Math.floor(micros + 0.5) / 1_000_000;
    }

    /** The mean of times in seconds, rounded half-up to the microsecond; null for no values. */
    public static Double average(double[] values) {
        if (values.length == 0) {
            return null;
        }
        // Summed and divided in whole microseconds, as the SQL does: in seconds, (3799 µs + 54 µs) / 2
        // came out as 1926.4999999999998 µs and rounded down.
        long totalMicros = Arrays.stream(values).mapToLong(seconds -> Math.round(seconds * 1_000_000)).sum();
        long count = values.length;
        return Math.floorDiv(2 * totalMicros + count, 2 * count) / 1_000_000.0;
    }

    /** Seconds are reported to the microsecond; rounding here keeps engines' float noise out. */
    public static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }
}
