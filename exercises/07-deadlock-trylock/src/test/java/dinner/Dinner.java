package dinner;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kitchen.forks.Fork;
import kitchen.forks.Seat;
import kitchen.forks.Table;
import kitchen.grading.TimeScale;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A dinner the tests watch: every philosopher dines on a thread of his own, named after him, and a
 * neighbour can keep a fork in his hand for as long as a test wants. Every wait here is bounded. The
 * threads are daemons: one stuck in a deadlock is left behind and cannot keep the JVM alive; they are
 * platform threads, so one that spins cannot starve the others.
 */
final class Dinner implements AutoCloseable {

    /** The longest a neighbour keeps his fork if nobody tells him to put it down. */
    private static final Duration NEIGHBOUR_LIMIT = TimeScale.millis(30_000);

    /** A philosopher dining at the table, {@code meals} times in a row. */
    static final class Guest {
        final String name;
        final Seat seat;
        private final Table table;
        private final FutureTask<Void> dinner;
        private final Thread thread;

        private Guest(String name, Table table, Seat seat, int meals) {
            this.name = name;
            this.table = table;
            this.seat = seat;
            Philosopher philosopher = new Philosopher();
            this.dinner = new FutureTask<>(() -> {
                for (int i = 0; i < meals; i++) {
                    philosopher.dine(seat);
                }
                return null;
            });
            this.thread = Thread.ofPlatform().daemon().name(name).start(dinner);
        }

        /** True once his {@code dine} calls have all returned, or one of them threw. */
        boolean done() {
            return dinner.isDone();
        }

        /** What his {@code dine} threw, if it did. */
        Optional<Throwable> failure() {
            if (!dinner.isDone()) {
                return Optional.empty();
            }
            try {
                dinner.get();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(e);
            }
        }

        private boolean mine(Table.Hold h) {
            return h.holder().id() == thread.threadId();
        }

        List<Table.Hold> holds() {
            return table.holds().stream().filter(this::mine).toList();
        }

        List<Table.Wait> waits() {
            return table.waits().stream().filter(w -> w.waiter().id() == thread.threadId()).toList();
        }

        List<Table.BackOff> backOffs() {
            return table.backOffs().stream().filter(b -> b.worker().id() == thread.threadId()).toList();
        }

        /** Meals eaten with both forks in hand. */
        long mealsEaten() {
            return table.meals().stream().filter(m -> m.worker().id() == thread.threadId() && m.eaten()).count();
        }

        /** Requests for a fork he gave up on while he held another: the tries that failed. */
        long failedTries() {
            return waits().stream().filter(Dinner::failedTry).count();
        }
    }

    /** Someone who picks up a fork and keeps it until told to put it down. */
    static final class Neighbour {
        final String name;
        final Fork fork;
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch putDown = new CountDownLatch(1);

        private Neighbour(String name, Fork fork) {
            this.name = name;
            this.fork = fork;
            Thread.ofPlatform().daemon().name(name).start(() -> {
                fork.lock();
                try {
                    holding.countDown();
                    putDown.await(NEIGHBOUR_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    fork.unlock();
                }
            });
        }

        void putDown() {
            putDown.countDown();
        }
    }

    final Table table;
    private final List<Neighbour> neighbours = new ArrayList<>();

    Dinner(Table table) {
        this.table = table;
    }

    /** Starts a philosopher named {@code name} who dines at {@code seat} {@code meals} times in a row. */
    Guest seat(String name, Seat seat, int meals) {
        return new Guest(name, table, seat, meals);
    }

    /** A neighbour named {@code name} who holds {@code fork} from now until {@link Neighbour#putDown()}. */
    Neighbour neighbour(String name, Fork fork) {
        Neighbour n = new Neighbour(name, fork);
        neighbours.add(n);
        try {
            // The fork is free when a test hands it to a neighbour: not getting it at once is the test's bug.
            if (!n.holding.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " could not pick up " + fork.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Waits until {@code condition} holds, at most {@code atMost}; true if it held. */
    static boolean watch(Duration atMost, BooleanSupplier condition) {
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** A request for a fork its caller gave up on while holding another fork. */
    static boolean failedTry(Table.Wait w) {
        return w.outcome() == Table.Outcome.GAVE_UP && !w.holding().isEmpty();
    }

    /** Every neighbour puts his fork down. */
    @Override
    public void close() {
        neighbours.forEach(Neighbour::putDown);
    }
}
