package io.funnelql.lint.report;

import java.util.Locale;

/** How serious a finding is; SARIF calls them error, warning and note. */
public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("note");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    public String display() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sarifLevel() {
        return sarifLevel;
    }
}
