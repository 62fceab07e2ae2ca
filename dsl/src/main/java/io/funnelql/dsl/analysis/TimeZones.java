package io.funnelql.dsl.analysis;

import io.funnelql.dsl.diagnostic.SourceLocation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** A {@code time zone '…'} clause's zone, or an error naming the closest known zones. */
final class TimeZones {
    private TimeZones() {}

    static Optional<ZoneId> resolve(String zone, SourceLocation location, Diagnostics diagnostics) {
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            diagnostics.error(location, Suggestions.sentence("unknown time zone '" + zone + "'",
                    zone, ZoneId.getAvailableZoneIds()) + " Use a region name such as 'Europe/Berlin' or 'UTC'.");
            return Optional.empty();
        }
    }
}
