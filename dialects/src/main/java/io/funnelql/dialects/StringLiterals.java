package io.funnelql.dialects;

/**
 * How every target writes a string constant: {@code '…'} with quotes doubled, nothing else.
 * Calcite would prefix a charset ({@code _UTF-16'…'}) or switch to {@code U&'\…'} escapes for
 * text outside ASCII, which DuckDB and Oracle do not read; the JDBC drivers carry Unicode intact.
 */
final class StringLiterals {
    private StringLiterals() {}

    static void quote(StringBuilder buffer, String value) {
        buffer.append('\'').append(value.replace("'", "''")).append('\'');
    }
}
