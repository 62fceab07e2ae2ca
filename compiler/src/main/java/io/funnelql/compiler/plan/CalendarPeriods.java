package io.funnelql.compiler.plan;

import io.funnelql.compiler.CompilationException;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.PeriodUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * Calendar periods in SQL, one definition for retention and metric queries: the time zone as the
 * engines name it, a period's number and its first day. The reference computes the same in
 * {@code io.funnelql.reference.CalendarPeriods}.
 */
public final class CalendarPeriods {
    private CalendarPeriods() {}

    /** A region name every engine's time zone database knows; fixed offsets are spelled differently by each engine. */
    public static String zoneName(PlanContext<?> context, ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            throw new CompilationException("time zone " + offset.getId() + " is a fixed offset, which "
                    + context.target().productName() + " and the other engines spell differently; name a region such as "
                    + "'Etc/GMT-2' or 'Europe/Berlin' instead");
        }
        return zone.getId();
    }

    /** The calendar date of {@code time} in the zone {@link #zoneName} named: in UTC a plain date, with no zone conversions. */
    public static RexNode localDate(PlanContext<?> context, RexNode time, String zone) {
        RelBuilder b = context.builder();
        return zone.equals("UTC") ? b.call(PortableFunctions.UTC_DATE, time)
                : b.call(PortableFunctions.LOCAL_DATE, time, context.literalText(zone));
    }

    /** The calendar period's number: "offset n" is "period index + n" (as the reference numbers periods). */
    public static RexNode periodIndex(RelBuilder b, PeriodUnit unit, RexNode date, RexNode day) {
        return switch (unit) {
            case DAY -> day;
            // ISO weeks start on Monday; 1970-01-01 was a Thursday.
            case WEEK -> b.call(PortableFunctions.INTEGER_QUOTIENT, b.call(SqlStdOperatorTable.PLUS, day, number(b, 3)), number(b, 7));
            case MONTH -> b.call(SqlStdOperatorTable.PLUS, b.call(SqlStdOperatorTable.MULTIPLY,
                    b.call(SqlStdOperatorTable.EXTRACT, b.literal(TimeUnitRange.YEAR), date), number(b, 12)),
                    b.call(SqlStdOperatorTable.MINUS, b.call(SqlStdOperatorTable.EXTRACT, b.literal(TimeUnitRange.MONTH), date),
                            number(b, 1)));
        };
    }

    /** The first day of the calendar period of {@code date} ({@code day} is its epoch day). */
    public static RexNode periodStart(RelBuilder b, PeriodUnit unit, RexNode date, RexNode day) {
        return switch (unit) {
            case DAY -> date;
            case WEEK -> b.call(PortableFunctions.DATE_FROM_EPOCH_DAY, b.call(SqlStdOperatorTable.MINUS, day,
                    b.call(SqlStdOperatorTable.MOD, b.call(SqlStdOperatorTable.PLUS, day, number(b, 3)), number(b, 7))));
            case MONTH -> b.call(PortableFunctions.DATE_FROM_EPOCH_DAY, b.call(SqlStdOperatorTable.PLUS, b.call(SqlStdOperatorTable.MINUS,
                    day, b.call(SqlStdOperatorTable.EXTRACT, b.literal(TimeUnitRange.DAY), date)), number(b, 1)));
        };
    }
}
