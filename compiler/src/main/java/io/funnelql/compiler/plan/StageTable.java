package io.funnelql.compiler.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.function.Function;

/**
 * A table whose row type is fixed in advance: the source's event table, or an earlier stage read
 * by a later one. Its unique keys let Calcite's metadata prove joins on it fan-out-free.
 */
final class StageTable extends AbstractTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final List<ImmutableBitSet> keys;

    StageTable(Function<RelDataTypeFactory, RelDataType> rowType, List<ImmutableBitSet> keys) {
        this.rowType = rowType;
        this.keys = List.copyOf(keys);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType.apply(typeFactory);
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(1000d, keys);
    }
}
