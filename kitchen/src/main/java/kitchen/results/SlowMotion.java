package kitchen.results;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.connect.TransportTimeoutException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ModificationWatchpointEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.WatchpointEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.WatchpointRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kitchen.grading.Lang;
import kitchen.grading.TestClasses;
import kitchen.grading.TimeScale;
import kitchen.results.Boundaries.Boundary;

/**
 * Replays a {@link Scene} in slow motion, to show <em>how</em> two threads can get in each other's way, on
 * every run and on any machine: a race that a stress test only meets now and then (Java has no GIL, but
 * on a busy 2-core machine two threads rarely run at the very same instant) is forced here.
 *
 * <p>The scene runs in a JVM of its own, under a debugger (JDI, part of every JDK). The debugger watches
 * every read and write of the fields of the classes in the {@linkplain #watching watched packages} (the
 * student's code) and of the JDK objects those reach (an {@code ArrayList}'s {@code size}, an
 * {@code AtomicInteger}'s {@code value}…), and it stops the code under test before each lock it takes (a
 * {@code synchronized} block), before each call it makes out of itself (a {@code Lock.lock()} or
 * {@code unlock()}, an {@code AtomicInteger.incrementAndGet()}, a synchronized list's {@code add}, a
 * synchronized method of its own) and before each store it makes into an array element
 * ({@code slots[i] = dish}; see {@link Boundaries}): the moments between two critical sections, and between
 * claiming a slot and filling it, have no field read or write of their own, and a torn update hides there. Take 0 plays the first step alone and then the second, counting
 * these points. Every later take pauses one step just before one of its points, lets the other step run to
 * its end, and then lets the paused step go on: each single preemption point of each step is tried once. When the running step cannot go on because the paused one holds what it
 * needs (it blocks on a monitor or parks on a lock), the paused step goes on at once, as it would on a
 * real machine. The replay stops at the first take whose {@link Scene#verdict verdict} is not empty.
 *
 * <pre>{@code
 * SlowMotion.Replay replay = SlowMotion.of(TwoCooks.class).watching("orders").replay();
 * replay.firstFailure().ifPresent(take -> fail(take.verdict() + "\n" + take.story(Lang.current())));
 * }</pre>
 *
 * <p>What it can and cannot see: field reads and writes, and the code under test's stores into array
 * elements (as points to pause before, without the value stored); not its loads from array elements, not the
 * JDK's own array stores and loads (an {@code ArrayList}'s {@code elementData[41] = dish} is part of its
 * {@code add}), and not the updates the JDK makes through {@code Unsafe} or var handles (an {@code AtomicInteger.incrementAndGet} is one indivisible
 * step here, as it is on the machine). Final fields are not watched: one is written once, before its object
 * is shared, so pausing before reading it changes nothing, and watching every final field of an immutable
 * structure (a chain of records a lock-free board walks) only multiplied the takes. Races that need two
 * preemptions in one step, or that only memory reordering shows, are left to stress tests.
 */
public final class SlowMotion {

    /** How deep the debugger follows references from the shared state to find JDK objects to watch. */
    private static final int MAX_DEPTH = 4;
    private static final long POLL_MILLIS = 5;
    private static final long ACCEPT_MILLIS = 500;

    private final Class<?> scene;
    private final List<String> packages = new ArrayList<>();
    private Duration patience = Duration.ofSeconds(2);
    private Duration stall = Duration.ofSeconds(10);
    private Duration deadline = Duration.ofSeconds(60);

    private SlowMotion(Class<?> scene) {
        this.scene = scene;
    }

    /** A replay of {@code scene}, which needs a constructor without arguments. */
    public static SlowMotion of(Class<? extends Scene<?>> scene) {
        return new SlowMotion(scene);
    }

    /**
     * The packages of the code under test (e.g. {@code "orders"}): every field of their classes is watched,
     * in both steps. The scene's own top-level class, and all nested in it, is never watched.
     */
    public SlowMotion watching(String... packageNames) {
        packages.addAll(List.of(packageNames));
        return this;
    }

    /**
     * How long the running step may go without a read or write, neither ending nor blocked, while the other
     * is paused, before the paused one goes on anyway (a step spinning on something the debugger does not
     * see, until the paused one moves). A step spinning on a watched field is let through after a few times
     * as many reads and writes as it made alone. Stretched by {@link TimeScale}.
     */
    public SlowMotion patience(Duration patience) {
        this.patience = patience;
        return this;
    }

    /**
     * How long a take may go without a single read, write or end before the steps count as stuck (one of
     * them waits for something that never happens): that take fails, and the replay ends. Stretched by
     * {@link TimeScale}.
     */
    public SlowMotion stall(Duration stall) {
        this.stall = stall;
        return this;
    }

    /**
     * The most the whole replay may take, JVM start included; past it the replay gives up with an
     * exception (the machine is too busy to judge), not with a failed take. Stretched by {@link TimeScale}.
     */
    public SlowMotion deadline(Duration deadline) {
        this.deadline = deadline;
        return this;
    }

    /**
     * Plays every take, or up to the first one that went wrong.
     *
     * @throws IllegalStateException if the replay itself could not run (no JDK debugger, the JVM did not
     *                               start, the deadline passed)
     */
    public Replay replay() {
        if (packages.isEmpty()) {
            throw new IllegalStateException("say which packages to watch: SlowMotion.of(...).watching(\"pkg\")");
        }
        long deadlineNanos = System.nanoTime() + TimeScale.scaled(deadline).toNanos();
        ListeningConnector connector = Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JDK has no socket debugger connector"));
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("port").setValue("0");
        arguments.get("localAddress").setValue("127.0.0.1");
        arguments.get("timeout").setValue(String.valueOf(ACCEPT_MILLIS));
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("slow-motion", ".log");
            String address = connector.startListening(arguments);
            try {
                process = launch(address, output);
                VirtualMachine vm = accept(connector, arguments, process, deadlineNanos);
                try {
                    return new Director(vm, deadlineNanos).direct();
                } finally {
                    try {
                        vm.dispose();
                    } catch (VMDisconnectedException e) {
                        // Already gone: nothing to release.
                    }
                }
            } finally {
                connector.stopListening(arguments);
            }
        } catch (IOException | IllegalConnectorArgumentsException e) {
            throw new IllegalStateException("the slow-motion JVM did not start: " + e.getMessage()
                    + tail(output), e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Waits for the new JVM to call back, as long as it is alive and the deadline has not passed. */
    private static VirtualMachine accept(ListeningConnector connector, Map<String, Connector.Argument> arguments,
            Process process, long deadlineNanos) throws IOException, IllegalConnectorArgumentsException {
        while (true) {
            try {
                return connector.accept(arguments);
            } catch (TransportTimeoutException e) {
                if (!process.isAlive() || System.nanoTime() > deadlineNanos) {
                    throw e;
                }
            }
        }
    }

    /** The scene's top-level class: it and everything nested in it are the scene's, not under test. */
    private String sceneFamily() {
        String name = scene.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private Process launch(String address, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=" + address,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8",
                "-D" + Lang.PROPERTY + "=" + Lang.current().tag(),
                "-D" + TimeScale.PROPERTY + "=" + TimeScale.factor()));
        boolean shipped = TestClasses.shipped();
        if (shipped) {
            // This JVM's tests came over a pipe (no file holds them): the scene's JVM gets them the same way.
            command.add(TestClasses.receivingOption());
        }
        command.add(Stage.class.getName());
        command.add(scene.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Through the environment, so a long class path with spaces reaches the JVM as it is on every OS.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        if (shipped) {
            // From a thread of its own: the JVM reads them only once the debugger lets it run.
            Thread.ofPlatform().daemon().name("slow-motion-feed").start(() -> {
                try (var stdin = process.getOutputStream()) {
                    TestClasses.relay(stdin);
                } catch (IOException e) {
                    // The JVM ended first; the replay reports that.
                }
            });
        }
        return process;
    }

    private static String tail(Path output) {
        if (output == null || !Files.exists(output)) {
            return "";
        }
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return text.isBlank() ? "" : "\n" + text.substring(Math.max(0, text.length() - 2_000));
        } catch (IOException e) {
            return "";
        }
    }

    /** What the replay found: every take played, the last one first to fail if any did. */
    public record Replay(List<Take> takes) {

        public Replay {
            takes = List.copyOf(takes);
        }

        /** The first take whose verdict is not empty. */
        public Optional<Take> firstFailure() {
            return takes.stream().filter(Take::failed).findFirst();
        }
    }

    /**
     * One take.
     *
     * @param number    0 for the take that plays the steps one after the other
     * @param of        how many takes the replay had planned (known after take 0)
     * @param names     who ran the first and the second step
     * @param paused    which step was paused (0 or 1), or -1 in take 0
     * @param before    which read or write it was paused before, e.g. "writes board.count"
     * @param steps     what happened, in order
     * @param verdict   what went wrong, or null
     */
    public record Take(int number, int of, List<String> names, int paused, String before, List<Step> steps,
            String verdict) {

        public Take {
            names = List.copyOf(names);
            steps = List.copyOf(steps);
        }

        public boolean failed() {
            return verdict != null && !verdict.isBlank();
        }

        /** The take as a story, one line per read, write, pause and end, with the values read and written. */
        public String story(Lang lang) {
            StringBuilder out = new StringBuilder();
            if (paused < 0) {
                out.append(lang.pick(
                        String.format(Locale.ROOT, "take %d of %d: %s alone, then %s alone", number, of,
                                names.get(0), names.get(1)),
                        String.format(Locale.ROOT, "tomada %d de %d: %s sozinho, depois %s sozinho", number, of,
                                names.get(0), names.get(1))));
            } else {
                out.append(lang.pick(
                        String.format(Locale.ROOT, "take %d of %d: %s is paused just before it %s", number, of,
                                names.get(paused), before),
                        String.format(Locale.ROOT, "tomada %d de %d: %s é pausado logo antes de %s", number, of,
                                names.get(paused), Step.verbPt(before))));
            }
            out.append('\n');
            int who = names.stream().mapToInt(String::length).max().orElse(4);
            int what = steps.stream().mapToInt(s -> s.what().length()).max().orElse(4);
            for (Step step : steps) {
                out.append(String.format(Locale.ROOT, "  %-" + who + "s  %s%n", names.get(step.role()),
                        step.line(lang, what)));
            }
            if (steps.stream().anyMatch(step -> step.value().endsWith("]"))) {
                out.append(lang.pick("  (writes into the JDK's arrays, such as elementData[41] = dish, happen too: the "
                                + "story does not show them)\n",
                        "  (escritas nos arrays do JDK, como elementData[41] = prato, também acontecem: a história "
                                + "não as mostra)\n"));
            }
            return out.toString();
        }
    }

    /** What one step did, as the debugger saw it. */
    public record Step(int role, Kind kind, String what, String value) {

        /**
         * Kinds of step lines: CALLS and LOCKS are a call out of the code under test and a synchronized block,
         * STORES a store into an array element in the code under test.
         */
        public enum Kind {
            READ, WRITE, STORES, CALLS, LOCKS, PAUSED, GOES_ON, WAITS, STILL_BUSY, DONE, FAILED
        }

        String line(Lang lang, int width) {
            return switch (kind) {
                case READ -> lang.pick("reads   ", "lê      ") + pad(what, width) + "  → " + value;
                case WRITE -> lang.pick("writes  ", "escreve ") + pad(what, width) + "  ← " + value;
                case STORES -> lang.pick("writes  ", "escreve ") + what;
                case CALLS -> lang.pick("calls   ", "chama   ") + what;
                case LOCKS -> lang.pick("enters  ", "entra   ") + what;
                case PAUSED -> lang.pick("‖ paused here", "‖ pausado aqui");
                case GOES_ON -> lang.pick("▶ goes on", "▶ continua");
                case WAITS -> lang.pick("⌛ waits: the paused one holds what it needs",
                        "⌛ espera: o pausado segura o que ele precisa");
                case STILL_BUSY -> lang.pick("⌛ still busy: the paused one goes on anyway",
                        "⌛ ainda ocupado: o pausado continua mesmo assim");
                case DONE -> lang.pick("✓ done", "✓ terminou");
                case FAILED -> lang.pick("✗ threw ", "✗ lançou ") + value;
            };
        }

        private static String pad(String text, int width) {
            return text + " ".repeat(Math.max(0, width - text.length()));
        }

        static String verbPt(String before) {
            return before.replaceFirst("^reads ", "ler ").replaceFirst("^writes ", "escrever ")
                    .replaceFirst("^calls ", "chamar ").replaceFirst("^enters ", "entrar em ");
        }

        String cue() {
            return switch (kind) {
                case READ -> "reads ";
                case WRITE, STORES -> "writes ";
                case CALLS -> "calls ";
                default -> "enters ";
            } + what;
        }
    }

    /** The pauses before a call to a method of the code under test whose class was not loaded yet. */
    private record Undecided(Boundary boundary, List<BreakpointRequest> requests) {
    }

    /** One pause: which step, before its how-manieth point (read, write, lock or call; counted from 1). */
    private record Plan(int role, int point) {
    }

    /** Drives the debuggee, one event at a time. Not thread-safe: only the replaying thread uses it. */
    private final class Director {
        private final VirtualMachine vm;
        private final EventRequestManager requests;
        private final long deadlineNanos;
        private final long patienceNanos = TimeScale.scaled(patience).toNanos();
        private final long stallNanos = TimeScale.scaled(stall).toNanos();
        private long lastMove;

        private final ThreadReference[] players = new ThreadReference[2];
        private final String[] names = new String[2];
        private final List<ReferenceType> pendingClasses = new ArrayList<>();
        private final List<EventRequest> perTake = new ArrayList<>();
        private final Map<String, List<Undecided>> undecided = new HashMap<>();
        private final Map<Long, String> paths = new HashMap<>();
        private ClassType stage;

        private final List<Take> takes = new ArrayList<>();
        private final List<Plan> plans = new ArrayList<>();
        private boolean finished;

        // The take being played.
        private Plan plan;
        private final int[] points = new int[2];
        private final boolean[] entered = new boolean[2];
        private final boolean[] left = new boolean[2];
        private final boolean[] held = new boolean[2];
        private List<Step> steps = new ArrayList<>();
        private String pausedBefore = "";
        private Step pending;
        /** While a step is paused: when the running one last read or wrote, and how often it did. */
        private long runningMoved;
        private int runningMoves;
        private final int[] alone = new int[2];

        Director(VirtualMachine vm, long deadlineNanos) {
            this.vm = vm;
            this.requests = vm.eventRequestManager();
            this.deadlineNanos = deadlineNanos;
        }

        Replay direct() {
            ClassPrepareRequest stagePrepared = requests.createClassPrepareRequest();
            stagePrepared.addClassFilter(Stage.class.getName());
            suspendingOnlyItsThread(stagePrepared);
            for (String pkg : packages) {
                ClassPrepareRequest prepared = requests.createClassPrepareRequest();
                prepared.addClassFilter(pkg + ".*");
                prepared.addClassExclusionFilter(sceneFamily() + "*");
                suspendingOnlyItsThread(prepared);
            }
            // No vm.resume() here: the VM started suspended, and resuming the VMStartEvent's set (in the loop)
            // resumes it once. Resuming it twice would also let go a thread held by an event not yet handled.
            try {
                while (!finished) {
                    long now = System.nanoTime();
                    if (now > deadlineNanos) {
                        throw new IllegalStateException("the slow-motion replay took longer than "
                                + TimeScale.scaled(deadline).toSeconds() + " s (at take " + takes.size()
                                + "): the machine is too busy to replay it now");
                    }
                    if (stage != null && names[1] != null && now - lastMove > stallNanos) {
                        stuck();
                        break;
                    }
                    EventSet set = vm.eventQueue().remove(POLL_MILLIS);
                    if (set == null) {
                        checkOnTheRunningStep();
                    } else {
                        lastMove = System.nanoTime();
                        handle(set);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay was interrupted", e);
            } catch (VMDisconnectedException e) {
                if (!finished) {
                    jvmEnded();
                }
            }
            return new Replay(takes);
        }

        private void handle(EventSet set) {
            boolean resume = true;
            for (Event event : set) {
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    if (!finished) {
                        jvmEnded();
                    }
                    return;
                } else if (event instanceof ClassPrepareEvent prepared) {
                    prepared(prepared.referenceType());
                } else if (event instanceof BreakpointEvent hit
                        && hit.request().getProperty(Boundary.class) instanceof Step boundary) {
                    resume &= boundary(hit, boundary);
                } else if (event instanceof BreakpointEvent cue) {
                    resume &= cue(cue);
                } else if (event instanceof WatchpointEvent access) {
                    resume &= access(access);
                }
            }
            if (resume) {
                set.resume();
            }
        }

        private void prepared(ReferenceType type) {
            if (type.name().equals(Stage.class.getName())) {
                stage = (ClassType) type;
                for (String cue : List.of("hired", "onStage", "enter", "leave", "cut")) {
                    for (Method method : type.methodsByName(cue)) {
                        suspendingOnlyItsThread(requests.createBreakpointRequest(method.location()));
                    }
                }
            } else if (players[0] == null || players[1] == null) {
                pendingClasses.add(type);
            } else {
                watchClass(type);
            }
            settle(type);
        }

        /**
         * Now that {@code type} is loaded, drops the pauses before calls to its methods that turn out not to
         * be synchronized (a nested record's accessors, loaded after the board: left in, they multiplied the
         * takes of a board that walks a chain of them).
         */
        private void settle(ReferenceType type) {
            List<Undecided> calls = undecided.remove(type.name());
            if (calls == null) {
                return;
            }
            for (Undecided call : calls) {
                List<Method> methods = type.methodsByName(call.boundary().name(), call.boundary().descriptor());
                if (!methods.isEmpty() && methods.stream().noneMatch(Method::isSynchronized)) {
                    requests.deleteEventRequests(call.requests());
                }
            }
        }

        /**
         * Every field of a class under test that can change, read or written by either player, and every place
         * in its code where it takes a lock or calls out of itself.
         */
        private void watchClass(ReferenceType type) {
            stopAtBoundaries(type);
            for (Field field : type.fields()) {
                if (field.isSynthetic() || field.isFinal()) {
                    continue;
                }
                for (ThreadReference player : players) {
                    for (WatchpointRequest request : List.of(requests.createAccessWatchpointRequest(field),
                            requests.createModificationWatchpointRequest(field))) {
                        request.addThreadFilter(player);
                        suspendingOnlyItsThread(request);
                    }
                }
            }
        }

        /**
         * Breakpoints, for either player, before each {@code monitorenter} of the class, before each store into
         * an array it may share, and before each call it makes, except calls whose insides are watched anyway and take no lock on the way in: constructors,
         * the kit's records, and the code under test's own methods that are not {@code synchronized}.
         */
        private void stopAtBoundaries(ReferenceType type) {
            if (!vm.canGetBytecodes() || !vm.canGetConstantPool()) {
                return;
            }
            Boundaries.Pool pool = new Boundaries.Pool(type);
            String file;
            try {
                file = type.sourceName();
            } catch (com.sun.jdi.AbsentInformationException e) {
                file = simpleName(type.name());
            }
            for (Method method : type.methods()) {
                if (method.isAbstract() || method.isNative() || !method.declaringType().equals(type)) {
                    continue;
                }
                for (Boundary boundary : Boundaries.of(method, pool)) {
                    if (!worthAPause(boundary)) {
                        continue;
                    }
                    com.sun.jdi.Location location = method.locationOfCodeIndex(boundary.index());
                    Step step = new Step(0, boundary.lock() ? Step.Kind.LOCKS
                            : boundary.store() ? Step.Kind.STORES : Step.Kind.CALLS,
                            boundary.label(file, location.lineNumber()), "");
                    List<BreakpointRequest> made = new ArrayList<>();
                    for (ThreadReference player : players) {
                        BreakpointRequest request = requests.createBreakpointRequest(location);
                        request.addThreadFilter(player);
                        request.putProperty(Boundary.class, step);
                        suspendingOnlyItsThread(request);
                        made.add(request);
                    }
                    if (boundary.kind() == Boundaries.Kind.CALL && underTest(boundary.ownerName())
                            && vm.classesByName(boundary.ownerName()).isEmpty()) {
                        undecided.computeIfAbsent(boundary.ownerName(), owner -> new ArrayList<>())
                                .add(new Undecided(boundary, made));
                    }
                }
            }
        }

        private boolean worthAPause(Boundary boundary) {
            if (boundary.lock() || boundary.store()) {
                return true;
            }
            String owner = boundary.ownerName();
            if (boundary.name().equals("<init>") || owner.startsWith(Dish.class.getPackageName() + ".")) {
                return false;
            }
            if (!underTest(owner)) {
                return true;
            }
            // The code under test's own method: its reads, writes, locks and calls are points already, unless
            // it is synchronized (its lock is taken on the way in, before any of them). Not loaded yet: kept
            // until it is (see settle).
            for (ReferenceType type : vm.classesByName(owner)) {
                for (Method method : type.methodsByName(boundary.name(), boundary.descriptor())) {
                    if (method.isSynchronized()) {
                        return true;
                    }
                }
                if (!type.methodsByName(boundary.name(), boundary.descriptor()).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether the thread may go on */
        private boolean boundary(BreakpointEvent event, Step boundary) {
            int role = roleOf(event.thread());
            if (role < 0 || !entered[role] || left[role]) {
                return true;
            }
            return point(role, new Step(role, boundary.kind(), boundary.what(), ""));
        }

        /** @return whether the thread may go on */
        private boolean cue(BreakpointEvent event) {
            String cue = event.location().method().name();
            ThreadReference thread = event.thread();
            List<Value> args = arguments(thread);
            switch (cue) {
                case "hired" -> {
                    int role = ((IntegerValue) args.get(0)).value();
                    players[role] = thread;
                    names[role] = ((StringReference) args.get(1)).value();
                    if (players[0] != null && players[1] != null) {
                        pendingClasses.forEach(this::watchClass);
                        pendingClasses.clear();
                    }
                    return true;
                }
                case "onStage" -> {
                    beginTake(((IntegerValue) args.get(0)).value(), (ObjectReference) args.get(1));
                    return true;
                }
                case "enter" -> {
                    int role = ((IntegerValue) args.get(0)).value();
                    entered[role] = true;
                    held[role] = true;
                    if (entered[0] && entered[1]) {
                        // Take 0 starts the first step alone; later takes start the step they pause.
                        goOn(plan == null ? 0 : plan.role());
                    }
                    return false;
                }
                case "leave" -> {
                    int role = ((IntegerValue) args.get(0)).value();
                    left[role] = true;
                    Value failure = args.get(1);
                    steps.add(failure == null ? new Step(role, Step.Kind.DONE, "", "")
                            : new Step(role, Step.Kind.FAILED, "", ((StringReference) failure).value()));
                    int other = 1 - role;
                    if (held[other]) {
                        // The other step was waiting for this one: at its start (take 0), or paused.
                        goOn(other);
                    }
                    if (left[0] && left[1]) {
                        // The steps are over: the verdict's own reads are not part of the story.
                        requests.deleteEventRequests(perTake);
                        perTake.clear();
                    }
                    return true;
                }
                case "cut" -> {
                    Value verdict = args.get(1);
                    endTake(verdict == null ? null : ((StringReference) verdict).value());
                    return true;
                }
                default -> {
                    return true;
                }
            }
        }

        private List<Value> arguments(ThreadReference thread) {
            try {
                return thread.frame(0).getArgumentValues();
            } catch (IncompatibleThreadStateException e) {
                throw new IllegalStateException("a cue's thread was not suspended", e);
            }
        }

        private void beginTake(int number, ObjectReference shared) {
            plan = number == 0 ? null : plans.get(number - 1);
            points[0] = points[1] = 0;
            entered[0] = entered[1] = left[0] = left[1] = held[0] = held[1] = false;
            steps = new ArrayList<>();
            pausedBefore = "";
            pending = null;
            paths.clear();
            watchFrom(shared, "", 0, new HashSet<>());
        }

        /**
         * Watches the JDK objects the shared state reaches (the classes under test are watched already),
         * and names every object by its path from the state, for the story.
         */
        private void watchFrom(ObjectReference object, String path, int depth, Set<Long> seen) {
            if (!seen.add(object.uniqueID()) || !(object.referenceType() instanceof ClassType type) || opaque(type)) {
                return;
            }
            if (depth > 0) {
                paths.put(object.uniqueID(), path);
                if (!underTest(type)) {
                    for (Field field : type.allFields()) {
                        if (!field.isStatic() && !field.isFinal()) {
                            for (WatchpointRequest request : List.of(requests.createAccessWatchpointRequest(field),
                                    requests.createModificationWatchpointRequest(field))) {
                                request.addInstanceFilter(object);
                                suspendingOnlyItsThread(request);
                                perTake.add(request);
                            }
                        }
                    }
                }
            }
            if (depth == MAX_DEPTH) {
                return;
            }
            for (Field field : type.allFields()) {
                if (!field.isStatic() && object.getValue(field) instanceof ObjectReference child
                        && !(child instanceof ArrayReference) && !(child instanceof StringReference)) {
                    watchFrom(child, path.isEmpty() ? field.name() : path + "." + field.name(), depth + 1, seen);
                }
            }
        }

        private boolean underTest(ReferenceType type) {
            return underTest(type.name());
        }

        private boolean underTest(String name) {
            return !name.startsWith(sceneFamily()) && packages.stream().anyMatch(p -> name.startsWith(p + "."));
        }

        /**
         * Objects whose insides are not part of the story: plain lock objects, boxes, strings, threads (all of
         * java.lang), dishes, and lock machinery, whose waiting the replay sees as "blocked" instead.
         */
        private static boolean opaque(ClassType type) {
            if (type.name().startsWith("java.lang.") || type.name().equals(Dish.class.getName())) {
                return true;
            }
            for (ClassType t = type; t != null; t = t.superclass()) {
                if (t.name().startsWith("java.util.concurrent.locks.")) {
                    return true;
                }
            }
            return false;
        }

        /** @return whether the thread may go on */
        private boolean access(WatchpointEvent event) {
            int role = roleOf(event.thread());
            if (role < 0 || !entered[role] || left[role]) {
                return true;
            }
            boolean write = event instanceof ModificationWatchpointEvent;
            Step step = new Step(role, write ? Step.Kind.WRITE : Step.Kind.READ, label(event),
                    show(write ? ((ModificationWatchpointEvent) event).valueToBe() : event.valueCurrent()));
            return point(role, step);
        }

        /**
         * One more point of a step: it pauses here if this take's plan says so.
         *
         * @return whether the thread may go on
         */
        private boolean point(int role, Step step) {
            points[role]++;
            if (plan != null && plan.role() == role && plan.point() == points[role]) {
                steps.add(new Step(role, Step.Kind.PAUSED, "", ""));
                pausedBefore = step.cue();
                pending = step;
                held[role] = true;
                runningMoved = System.nanoTime();
                runningMoves = 0;
                goOn(1 - role);
                return false;
            }
            if (pending != null && pending.role() != role) {
                runningMoved = System.nanoTime();
                if (++runningMoves > 4 * alone[role] + 16) {
                    // Far more reads and writes than it made alone: it spins on a field the paused one holds.
                    steps.add(step);
                    steps.add(new Step(role, Step.Kind.STILL_BUSY, "", ""));
                    goOn(1 - role);
                    return true;
                }
            }
            steps.add(step);
            return true;
        }

        private int roleOf(ThreadReference thread) {
            return thread.equals(players[0]) ? 0 : thread.equals(players[1]) ? 1 : -1;
        }

        /** Lets a held step go: at its start, or where it was paused. */
        private void goOn(int role) {
            if (!held[role]) {
                return;
            }
            held[role] = false;
            if (pending != null && pending.role() == role) {
                steps.add(new Step(role, Step.Kind.GOES_ON, "", ""));
                steps.add(pending);
                pending = null;
            }
            players[role].resume();
        }

        /** While one step is paused: is the other one blocked by it, or busy for too long? */
        private void checkOnTheRunningStep() {
            if (plan == null || pending == null) {
                return;
            }
            int paused = pending.role();
            int running = 1 - paused;
            if (held[running] || left[running]) {
                return;
            }
            int status = players[running].status();
            if (status == ThreadReference.THREAD_STATUS_MONITOR || status == ThreadReference.THREAD_STATUS_WAIT) {
                steps.add(new Step(running, Step.Kind.WAITS, "", ""));
                goOn(paused);
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - runningMoved > patienceNanos) {
                steps.add(new Step(running, Step.Kind.STILL_BUSY, "", ""));
                goOn(paused);
                lastMove = System.nanoTime();
            }
        }

        private void endTake(String verdict) {
            int number = takes.size();
            if (number == 0) {
                alone[0] = points[0];
                alone[1] = points[1];
                for (int role = 0; role < 2; role++) {
                    for (int point = 1; point <= points[role]; point++) {
                        plans.add(new Plan(role, point));
                    }
                }
            }
            takes.add(new Take(number, plans.size() + 1, List.of(names), plan == null ? -1 : plan.role(),
                    pausedBefore, steps, verdict));
            if (verdict != null && !verdict.isBlank() || number == plans.size()) {
                finished = true;
                try {
                    stage.setValue(stage.fieldByName("more"), vm.mirrorOf(false));
                } catch (InvalidTypeException | ClassNotLoadedException e) {
                    throw new IllegalStateException("Stage.more is not a boolean", e);
                }
            }
        }

        private void stuck() {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(stallNanos);
            finishWith(Lang.current().pick(
                    "the steps stopped moving for " + seconds + " s and never finished (is one of them waiting "
                            + "for something that never happens?)",
                    "os passos pararam por " + seconds + " s e nunca terminaram (um deles espera algo que nunca "
                            + "acontece?)"));
        }

        private void jvmEnded() {
            finishWith(Lang.current().pick("the replay's JVM ended in the middle of a take",
                    "a JVM da reprise terminou no meio de uma tomada"));
        }

        private void finishWith(String verdict) {
            finished = true;
            takes.add(new Take(takes.size(), plans.size() + 1, List.of(names[0] == null ? "?" : names[0],
                    names[1] == null ? "?" : names[1]), plan == null ? -1 : plan.role(), pausedBefore, steps,
                    verdict));
        }

        private String label(WatchpointEvent event) {
            ObjectReference object = event.object();
            String path = object == null ? null : paths.get(object.uniqueID());
            String owner = path != null ? path : simpleName(event.field().declaringType().name());
            return owner.isEmpty() ? event.field().name() : owner + "." + event.field().name();
        }

        private String show(Value value) {
            if (value == null) {
                return "null";
            } else if (value instanceof PrimitiveValue) {
                return value.toString();
            } else if (value instanceof StringReference text) {
                return '"' + text.value() + '"';
            } else if (value instanceof ArrayReference array) {
                String type = array.referenceType().name();
                return simpleName(type.substring(0, type.length() - 2)) + "[" + array.length() + "]";
            }
            ObjectReference object = (ObjectReference) value;
            if (object.referenceType().name().equals(Dish.class.getName())) {
                ReferenceType dish = object.referenceType();
                return Lang.current().pick("cook ", "cozinheiro ") + object.getValue(dish.fieldByName("cook")) + " #"
                        + object.getValue(dish.fieldByName("number"));
            }
            return simpleName(object.referenceType().name());
        }

        private static String simpleName(String name) {
            return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        }

        private static void suspendingOnlyItsThread(EventRequest request) {
            request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            request.enable();
        }
    }
}
