package kitchen.grader.forked;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import kitchen.grading.Lang;
import kitchen.locks.WaitFor;
import kitchen.trace.Drawing;
import kitchen.trace.Drawings;

/**
 * Describes deadlocks in this JVM as wait-for cycles a student can read. Two sources: the kit's own
 * instrumented locks (which see virtual threads too), then ThreadMXBean (platform threads only, but any
 * monitor or {@code java.util.concurrent} lock).
 */
final class Deadlocks {

    private Deadlocks() {
    }

    /** One line per cycle, or an empty string when no deadlock is visible. */
    static String describe() {
        List<String> cycles = new ArrayList<>(WaitFor.cycles());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids != null && cycles.isEmpty()) {
            ThreadInfo[] infos = threads.getThreadInfo(ids, true, true);
            StringBuilder cycle = new StringBuilder();
            List<Drawing.Link> links = new ArrayList<>();
            for (ThreadInfo t : infos) {
                if (t == null) {
                    continue;
                }
                if (!cycle.isEmpty()) {
                    cycle.append(", ");
                }
                Lang lang = Lang.current();
                cycle.append(lang.pick("thread \"", "a thread \"")).append(t.getThreadName())
                        .append(lang.pick("\" holds ", "\" segura ")).append(held(t))
                        .append(lang.pick(" and waits for ", " e espera por ")).append(lockName(t.getLockInfo()));
                links.add(new Drawing.Link(t.getThreadName(), heldNames(t), lockName(t.getLockInfo())));
                if (t.getLockOwnerName() != null) {
                    cycle.append(lang.pick(" (held by \"", " (segurado por \"")).append(t.getLockOwnerName())
                            .append("\")");
                }
            }
            cycles.add(Drawings.keep(new Drawing.Cycle("deadlock: " + cycle, links)));
        }
        return String.join("\n", cycles);
    }

    /** Packages of the JDK, the test libraries and the kit: frames there say nothing about the student's code. */
    private static final List<String> LIBRARY = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.",
            "org.opentest4j.", "org.assertj.", "org.awaitility.", "org.hamcrest.", "kitchen.", "com.fasterxml.");
    private static final int MAX_STUCK = 5;

    /**
     * Where the exercise's own code stands in each thread, for the case no cycle is visible: a class
     * initialisation deadlock, a join on a thread that never ends, a lock that is never released. One line
     * per thread, at most a few: {@code thread "main" (WAITING) is in bank.Teller.<clinit>(Teller.java:21)}.
     */
    static String whereStuck() {
        List<String> lines = new ArrayList<>();
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread == Thread.currentThread() || thread.getName().startsWith("kitchen-")) {
                continue;
            }
            for (StackTraceElement frame : entry.getValue()) {
                if (LIBRARY.stream().noneMatch(frame.getClassName()::startsWith)) {
                    lines.add(Lang.current().pick("thread \"", "a thread \"") + thread.getName()
                            + "\" (" + thread.getState() + Lang.current().pick(") is in ", ") está em ")
                            + frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                            + frame.getLineNumber() + ")");
                    break;
                }
            }
        }
        lines.sort(null);
        if (lines.size() > MAX_STUCK) {
            int more = lines.size() - MAX_STUCK;
            lines = new ArrayList<>(lines.subList(0, MAX_STUCK));
            lines.add("… " + more + " more");
        }
        return lines.isEmpty() ? "" : Lang.current().pick("where the code stood:\n  ",
                "onde o código estava:\n  ") + String.join("\n  ", lines);
    }

    private static String held(ThreadInfo t) {
        List<String> locks = heldNames(t);
        return locks.isEmpty() ? "nothing" : String.join(" and ", locks);
    }

    private static List<String> heldNames(ThreadInfo t) {
        List<String> locks = new ArrayList<>();
        for (var m : t.getLockedMonitors()) {
            locks.add(lockName(m));
        }
        for (var s : t.getLockedSynchronizers()) {
            locks.add(lockName(s));
        }
        return locks;
    }

    private static String lockName(LockInfo lock) {
        if (lock == null) {
            return "nothing";
        }
        String cls = lock.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
