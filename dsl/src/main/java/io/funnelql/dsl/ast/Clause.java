package io.funnelql.dsl.ast;

/** A clause of a query; {@link #keyword()} names it in messages ("duplicate 'within' clause"). */
public interface Clause extends Node {
    String keyword();
}
