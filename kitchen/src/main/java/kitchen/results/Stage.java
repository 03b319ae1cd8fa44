package kitchen.results;

import java.lang.reflect.Constructor;
import java.util.concurrent.CyclicBarrier;
import kitchen.grading.Lang;
import kitchen.grading.TestClasses;

/**
 * The JVM that {@link SlowMotion} replays a {@link Scene} in, under its debugger; nothing else should start
 * it. It plays take after take until the debugger says "cut" for the last time. The empty static methods
 * are the cues the debugger stops at; the pausing itself is done by the debugger, from outside.
 *
 * <p>Arguments: the scene's class name.
 */
public final class Stage {

    /** Cleared by the debugger at the last cut. */
    static volatile boolean more = true;

    private Stage() {
    }

    public static void main(String[] args) throws Exception {
        // Graded by the grader, the scene's classes come over stdin, not from the class path.
        TestClasses.receiveIfShipped();
        Constructor<?> constructor = Class.forName(args[0]).getDeclaredConstructor();
        constructor.setAccessible(true);
        @SuppressWarnings("unchecked")
        Scene<Object> scene = (Scene<Object>) constructor.newInstance();

        // Two long-lived players, so the debugger can watch "their" fields with a thread filter once.
        CyclicBarrier action = new CyclicBarrier(3);
        CyclicBarrier done = new CyclicBarrier(3);
        Object[] shared = new Object[1];
        Throwable[] failures = new Throwable[2];
        String[] names = {scene.firstName(), scene.secondName()};
        for (int role = 0; role < 2; role++) {
            int r = role;
            Thread.ofPlatform().daemon().name(names[r]).start(() -> {
                hired(r, names[r]);
                try {
                    while (true) {
                        action.await();
                        failures[r] = play(scene, r, shared[0]);
                        done.await();
                    }
                } catch (Exception e) {
                    // The barrier broke: the debugger is ending the replay.
                }
            });
        }
        for (int take = 0; more; take++) {
            Object state;
            try {
                state = scene.setUp();
            } catch (Throwable t) {
                cut(take, Lang.current().pick("setting the scene up threw " + describe(t),
                        "preparar a cena lançou " + describe(t)));
                return;
            }
            shared[0] = state;
            onStage(take, state);
            action.await();
            done.await();
            cut(take, scene.verdict(state, failures[0], failures[1]));
        }
    }

    private static Throwable play(Scene<Object> scene, int role, Object state) {
        enter(role);
        Throwable failure = null;
        try {
            if (role == 0) {
                scene.first(state);
            } else {
                scene.second(state);
            }
        } catch (Throwable t) {
            failure = t;
        }
        leave(role, failure == null ? null : describe(failure));
        return failure;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    // Cues. The debugger reads their arguments; their bodies are empty on purpose.

    static void hired(int role, String name) {
    }

    static void onStage(int take, Object shared) {
    }

    static void enter(int role) {
    }

    static void leave(int role, String failure) {
    }

    static void cut(int take, String verdict) {
    }
}
