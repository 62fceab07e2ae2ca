package io.funnelql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The machine a run measured on: the figures mean nothing without it. */
public record Machine(int cores, long memoryBytes, String jvm, String os, long maxHeapBytes, double loadAverage) {
    static Machine describe() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        long memory = system instanceof com.sun.management.OperatingSystemMXBean detailed
                ? detailed.getTotalMemorySize() : -1;
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, jvm, os,
                Runtime.getRuntime().maxMemory(), currentLoadAverage());
    }

    /** The 1-minute load average (-1 where the system has none). */
    static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
