package io.funnelql.lint.report;

/** A rule's identity: its code, its name, its severity and a one-line summary. */
public record RuleInfo(String code, String name, Severity severity, String summary) {
    /** The pseudo-rule of statements that cannot be parsed. */
    public static final RuleInfo SYNTAX = new RuleInfo("FQL000", "syntax", Severity.ERROR,
            "The statement cannot be parsed; it is not linted.");

    /** Where the rule's page lives, relative to the repository root. */
    public String documentation() {
        return "docs/lint/" + code + ".md";
    }
}
