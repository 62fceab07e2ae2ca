package io.funnelql.dsl.model;

/** Whether an event exactly one window after the anchor is inside ({@code <=}) or outside ({@code <}). */
public enum WindowBound {
    INCLUSIVE,
    EXCLUSIVE
}
