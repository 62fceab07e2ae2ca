package io.funnelql.dialects;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.nio.charset.StandardCharsets;

/**
 * The one text type of every plan: VARCHAR in UTF-16 (little-endian, the form Calcite gives its Unicode constants). Calcite's default character set,
 * ISO-8859-1, cannot hold emoji or CJK, and Calcite refuses to compare text of two character
 * sets, so columns, constants and functions returning text all use this one.
 */
public final class UnicodeText {
    private UnicodeText() {}

    public static RelDataType type(RelDataTypeFactory types) {
        return types.createTypeWithCharsetAndCollation(types.createSqlType(SqlTypeName.VARCHAR),
                StandardCharsets.UTF_16LE, SqlCollation.IMPLICIT);
    }

    /** For functions that return text: nullable when an operand is. */
    static final SqlReturnTypeInference RETURN_TYPE = binding -> {
        RelDataTypeFactory types = binding.getTypeFactory();
        boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
        return types.createTypeWithNullability(type(types), nullable);
    };
}
