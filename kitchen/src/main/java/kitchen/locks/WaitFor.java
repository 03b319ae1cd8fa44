package kitchen.locks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kitchen.grading.Lang;
import kitchen.trace.Drawing;
import kitchen.trace.Drawings;

/**
 * The kitchen's wait-for graph: which thread holds which {@link KitchenLock} and which lock each thread
 * is waiting for. A cycle in it is a deadlock, and {@link #cycles()} describes each one as
 * "deadlock: thread A holds X and waits for Y, thread B holds Y and waits for X".
 */
public final class WaitFor {

    private static final Map<KitchenLock, Thread> HOLDERS = new ConcurrentHashMap<>();
    private static final Map<Thread, KitchenLock> WAITING = new ConcurrentHashMap<>();

    private WaitFor() {
    }

    static void waiting(KitchenLock lock) {
        WAITING.put(Thread.currentThread(), lock);
    }

    static void stoppedWaiting(KitchenLock lock) {
        WAITING.remove(Thread.currentThread(), lock);
    }

    static void acquired(KitchenLock lock) {
        HOLDERS.put(lock, Thread.currentThread());
    }

    static void released(KitchenLock lock) {
        HOLDERS.remove(lock, Thread.currentThread());
    }

    /** The thread holding {@code lock} now, or null. */
    public static Thread holder(KitchenLock lock) {
        return HOLDERS.get(lock);
    }

    /** The lock {@code thread} is blocked on now, or null. */
    public static KitchenLock awaited(Thread thread) {
        return WAITING.get(thread);
    }

    /** Every deadlock among kitchen locks right now, one description per cycle. */
    public static List<String> cycles() {
        List<String> found = new ArrayList<>();
        Set<Thread> seen = new HashSet<>();
        for (Thread start : WAITING.keySet()) {
            if (seen.contains(start)) {
                continue;
            }
            List<Thread> path = new ArrayList<>();
            Thread t = start;
            while (t != null && !path.contains(t)) {
                path.add(t);
                KitchenLock wanted = WAITING.get(t);
                t = wanted == null ? null : HOLDERS.get(wanted);
            }
            seen.addAll(path);
            if (t != null) {
                found.add(describe(path.subList(path.indexOf(t), path.size())));
            }
        }
        return found;
    }

    private static String describe(List<Thread> cycle) {
        StringBuilder out = new StringBuilder("deadlock: ");
        List<Drawing.Link> links = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            Thread t = cycle.get(i);
            List<String> held = HOLDERS.entrySet().stream()
                    .filter(e -> e.getValue() == t).map(e -> e.getKey().name()).sorted().toList();
            KitchenLock wanted = WAITING.get(t);
            if (i > 0) {
                out.append(", ");
            }
            Lang lang = Lang.current();
            out.append("thread ").append(label(t)).append(lang.pick(" holds ", " segura "))
                    .append(held.isEmpty() ? lang.pick("nothing", "nada") : String.join(lang.pick(" and ", " e "), held))
                    .append(lang.pick(" and waits for ", " e espera "))
                    .append(wanted == null ? lang.pick("nothing", "nada") : wanted.name());
            links.add(new Drawing.Link(name(t), held, wanted == null ? "" : wanted.name()));
        }
        return Drawings.keep(new Drawing.Cycle(out.toString(), links));
    }

    private static String label(Thread t) {
        return "\"" + name(t) + "\"";
    }

    private static String name(Thread t) {
        String name = t.getName();
        return name.isEmpty() ? (t.isVirtual() ? "virtual#" : "thread#") + t.threadId() : name;
    }
}
