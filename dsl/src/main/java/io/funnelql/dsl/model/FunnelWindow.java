package io.funnelql.dsl.model;

import java.time.Duration;

/** The funnel's conversion window: its length, what it is measured from and whether its end is included. */
public record FunnelWindow(Duration length, WindowAnchor anchor, WindowBound bound) {}
