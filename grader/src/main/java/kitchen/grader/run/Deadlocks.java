package kitchen.grader.run;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import kitchen.locks.WaitFor;

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
            for (ThreadInfo t : infos) {
                if (t == null) {
                    continue;
                }
                if (!cycle.isEmpty()) {
                    cycle.append(", ");
                }
                cycle.append("thread \"").append(t.getThreadName()).append("\" holds ")
                        .append(held(t)).append(" and waits for ").append(lockName(t.getLockInfo()));
                if (t.getLockOwnerName() != null) {
                    cycle.append(" (held by \"").append(t.getLockOwnerName()).append("\")");
                }
            }
            cycles.add("deadlock: " + cycle);
        }
        return String.join("\n", cycles);
    }

    private static String held(ThreadInfo t) {
        List<String> locks = new ArrayList<>();
        for (var m : t.getLockedMonitors()) {
            locks.add(lockName(m));
        }
        for (var s : t.getLockedSynchronizers()) {
            locks.add(lockName(s));
        }
        return locks.isEmpty() ? "nothing" : String.join(" and ", locks);
    }

    private static String lockName(LockInfo lock) {
        if (lock == null) {
            return "nothing";
        }
        String cls = lock.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
