package io.funnelql.compiler.proof;

/** Why one join of a plan cannot multiply rows, or that it might. */
public record JoinVerdict(String stage, String join, boolean safe, String reason) {
    @Override
    public String toString() {
        return (safe ? "safe   " : "UNSAFE ") + stage + ": " + join + " -- " + reason;
    }
}
