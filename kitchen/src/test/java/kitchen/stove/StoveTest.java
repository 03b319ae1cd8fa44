package kitchen.stove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kitchen.trace.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(40)
class StoveTest {

    /** For tests that expect the eggs to meet: long enough that a slow, busy machine never breaks it. */
    private static final Duration MEET = Duration.ofSeconds(30);
    /** For tests that expect the meeting to break. */
    private static final Duration GATE = Duration.ofMillis(400);

    private static Egg egg(int number, long millis) {
        return new Egg(number, Duration.ofMillis(millis));
    }

    private static List<String> lines(Stove stove) {
        return stove.journal().events().stream().map(Journal.Event::what).toList();
    }

    @Test
    void a_plain_stove_boils_in_real_time_and_prints_like_the_lecture() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Stove stove;
        long took;
        try {
            stove = new Stove();
            long start = System.nanoTime();
            BoiledEgg boiled = stove.boil(egg(7, 150));
            took = System.nanoTime() - start;
            assertThat(boiled.egg()).isEqualTo(egg(7, 150));
            assertThat(boiled.number()).isEqualTo(7);
        } finally {
            System.setOut(original);
        }
        assertThat(Duration.ofNanos(took)).isBetween(Duration.ofMillis(140), Duration.ofSeconds(5));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("Boiling eggs 7", "Egg 7 done!");
        assertThat(stove.doneOrder()).containsExactly(7);
        assertThat(stove.boilingThreads()).containsExactly(Thread.currentThread());
        assertThat(stove.allOnTogether()).isFalse();
        assertThat(stove.timeline()).contains("egg 7");
    }

    @Test
    void eggs_that_meet_on_an_inspection_stove_start_together_and_finish_in_boil_time_order() throws Exception {
        List<Egg> eggs = List.of(egg(1, 300), egg(2, 100), egg(3, 200));
        Stove stove = Stove.inspected(eggs.size(), MEET);
        try (ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BoiledEgg>> boiled = new ArrayList<>();
            for (Egg e : eggs) {
                boiled.add(cooks.submit(() -> stove.boil(e)));
            }
            for (int i = 0; i < eggs.size(); i++) {
                assertThat(boiled.get(i).get().egg()).isEqualTo(eggs.get(i));
            }
        }
        assertThat(stove.allOnTogether()).isTrue();
        assertThat(stove.peakOnStove()).isEqualTo(3);
        assertThat(stove.doneOrder()).containsExactly(2, 3, 1);
        assertThat(stove.readyOrder()).containsExactly(2, 3, 1);
        assertThat(lines(stove).subList(3, 6)).containsExactly("Egg 2 done!", "Egg 3 done!", "Egg 1 done!");
        assertThat(stove.journal().events().get(3).worker().name()).startsWith("kitchen-timer-");
        assertThat(stove.boilingThreads()).hasSize(3).allMatch(Thread::isVirtual);
        assertThat(stove.onStove()).isEmpty();
    }

    @Test
    void a_broken_meeting_starts_the_waiting_egg_and_fast_forwards_every_later_one() throws Exception {
        Stove stove = Stove.inspected(3, GATE);
        long start = System.nanoTime();
        stove.boil(egg(1, 100));
        long first = System.nanoTime() - start;
        stove.boil(egg(2, 5_000));
        stove.boil(egg(3, 5_000));
        long all = System.nanoTime() - start;

        assertThat(Duration.ofNanos(first)).isGreaterThanOrEqualTo(GATE.plusMillis(100));
        assertThat(Duration.ofNanos(all)).isLessThan(Duration.ofSeconds(10));
        assertThat(stove.allOnTogether()).isFalse();
        assertThat(stove.peakOnStove()).isEqualTo(1);
        assertThat(stove.doneOrder()).containsExactly(1, 2, 3);
        // Fast-forwarded eggs take no time, at the very end of the chart: each still gets a mark.
        assertThat(stove.timeline().lines().filter(l -> l.startsWith("egg "))).hasSize(3).allMatch(l -> l.contains("="));
    }

    @Test
    void a_cracked_egg_fails_its_boil_after_its_crack_time() {
        Stove stove = new Stove();
        Egg cracking = Egg.crackingAfter(4, Duration.ofMillis(50));
        assertThat(cracking.cracked()).isTrue();
        assertThatThrownBy(() -> stove.boil(cracking))
                .isInstanceOf(CrackedEggException.class)
                .hasMessage("egg 4 cracked")
                .satisfies(e -> assertThat(((CrackedEggException) e).egg()).isEqualTo(cracking));
        assertThat(lines(stove)).containsExactly("Boiling eggs 4", "Egg 4 cracked!");
        assertThat(stove.doneOrder()).isEmpty();
        assertThat(stove.journal().spans().get(0).outcome()).isEqualTo("cracked");
    }

    @Test
    void interrupting_a_boiling_thread_takes_its_egg_off_unboiled() throws Exception {
        Stove stove = new Stove();
        ConcurrentLinkedQueue<Throwable> outcome = new ConcurrentLinkedQueue<>();
        Thread cook = Thread.ofVirtual().start(() -> {
            try {
                stove.boil(egg(1, 10_000));
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> stove.onStove().equals(List.of(1)));
        cook.interrupt();
        cook.join(5_000);

        assertThat(outcome).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(stove.onStove()).isEmpty();
        assertThat(stove.doneOrder()).isEmpty();
        assertThat(stove.journal().spans().get(0).outcome()).isEqualTo("interrupted");
    }

    @Test
    void an_interrupted_thread_puts_no_egg_on() {
        Stove stove = new Stove();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> stove.boil(egg(1, 10))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
        assertThat(lines(stove)).isEmpty();
    }

    @Test
    void an_interrupted_egg_waiting_for_the_meeting_leaves_the_stove() throws Exception {
        Stove stove = Stove.inspected(2, Duration.ofSeconds(30));
        Thread cook = Thread.ofVirtual().start(() -> {
            try {
                stove.boil(egg(1, 10));
            } catch (InterruptedException expected) {
                // the egg comes off unboiled
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> stove.onStove().equals(List.of(1)));
        cook.interrupt();
        cook.join(5_000);
        assertThat(cook.isAlive()).isFalse();
        assertThat(stove.onStove()).isEmpty();
        assertThat(stove.journal().spans().get(0).outcome()).isEqualTo("interrupted");
    }

    @Test
    void put_on_does_not_wait_and_the_timer_says_when_a_pot_is_ready() throws Exception {
        Stove stove = Stove.inspected(2, MEET);
        Pot quick = stove.putOn(egg(1, 100));
        // Registered before the meeting opens, so the timer itself runs it.
        CompletableFuture<Thread> ringer = new CompletableFuture<>();
        quick.ready().thenRun(() -> ringer.complete(Thread.currentThread()));
        assertThat(stove.onStove()).containsExactly(1);
        // Still waiting for the second egg of the meeting, so it cannot be ready.
        assertThatThrownBy(quick::takeOff).isInstanceOf(IllegalStateException.class).hasMessageContaining("not boiled yet");
        Pot slow = stove.putOn(egg(2, 300));
        assertThat(slow.egg()).isEqualTo(egg(2, 300));
        assertThat(slow.toString()).isEqualTo("pot of egg 2");

        // Waiting on quick.ready() itself could run its callback on this thread: wait for the callback instead.
        assertThat(ringer.get(5, TimeUnit.SECONDS).getName()).startsWith("kitchen-timer-");
        assertThat(ringer.get().isDaemon()).isTrue();
        assertThat(quick.ready().get(5, TimeUnit.SECONDS)).isSameAs(quick);

        assertThat(quick.takeOff().number()).isEqualTo(1);
        assertThatThrownBy(quick::takeOff).isInstanceOf(IllegalStateException.class).hasMessageContaining("already taken off");
        slow.ready().get(5, TimeUnit.SECONDS);
        assertThat(slow.takeOff().number()).isEqualTo(2);

        assertThat(stove.allOnTogether()).isTrue();
        assertThat(stove.peakOnStove()).isEqualTo(2);
        assertThat(stove.readyOrder()).containsExactly(1, 2);
        assertThat(stove.doneOrder()).containsExactly(1, 2);
        List<Journal.Event> events = stove.journal().events();
        assertThat(events).extracting(Journal.Event::what)
                .containsExactly("Boiling eggs 1", "Boiling eggs 2", "Egg 1 done!", "Egg 2 done!");
        assertThat(events).allMatch(e -> e.worker().id() == Thread.currentThread().threadId());
        assertThat(stove.boilingThreads()).isEmpty();
    }

    @Test
    void a_cracked_pot_is_ready_and_cracks_when_taken_off() throws Exception {
        Stove stove = new Stove();
        Pot pot = stove.putOn(Egg.crackingAfter(3, Duration.ofMillis(20)));
        pot.ready().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(pot::takeOff).isInstanceOf(CrackedEggException.class).hasMessage("egg 3 cracked");
        assertThat(stove.onStove()).isEmpty();
        assertThatThrownBy(pot::takeOff).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void boiling_on_the_kitchen_timer_thread_is_refused() throws Exception {
        Stove stove = Stove.inspected(2, MEET);
        Pot pot = stove.putOn(egg(1, 10));
        CompletableFuture<BoiledEgg> onTimer = pot.ready().thenApply(p -> {
            try {
                return stove.boil(egg(3, 10));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        // The meeting opens only now, so the callback above is surely registered before the timer rings.
        stove.putOn(egg(2, 10));
        assertThatThrownBy(() -> onTimer.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kitchen timer");
    }

    @Test
    void ten_thousand_eggs_meet_and_boil_together() throws Exception {
        int n = 10_000;
        Stove stove = Stove.inspected(n, MEET);
        long start = System.nanoTime();
        try (ExecutorService cooks = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= n; i++) {
                Egg e = egg(i, 300 + (i % 3) * 100);
                cooks.submit(() -> stove.boil(e));
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
        assertThat(stove.allOnTogether()).isTrue();
        assertThat(stove.peakOnStove()).isEqualTo(n);
        assertThat(stove.doneOrder()).hasSize(n);
        List<Integer> order = stove.doneOrder();
        for (int i = 1; i < n; i++) {
            int before = order.get(i - 1) % 3;
            assertThat(order.get(i) % 3).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void the_timer_thread_ends_when_the_stove_is_empty() throws Exception {
        Stove stove = new Stove();
        stove.boil(egg(1, 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(timerName(stove))));
    }

    private static String timerName(Stove stove) {
        return stove.journal().events().get(1).worker().name();
    }

    @Test
    void eggs_reject_negative_boil_times() {
        assertThatThrownBy(() -> egg(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(egg(2, 300)).hasToString("egg 2 (300 ms)");
        assertThat(Egg.crackingAfter(3, Duration.ofMillis(50))).hasToString("egg 3 (50 ms, cracks)");
    }
}
