package eggs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicReference;
import kitchen.stove.BoiledEgg;
import kitchen.stove.CrackedEggException;
import kitchen.stove.Egg;
import kitchen.stove.Pot;
import kitchen.stove.Stove;

public class Chef {

    public List<BoiledEgg> boilAll(Stove stove, List<Egg> eggs) throws InterruptedException {
        int n = eggs.size();
        BoiledEgg[] boiled = new BoiledEgg[n];
        List<Future<Integer>> futures = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            try {
                for (int i = 0; i < n; i++) {
                    int index = i;
                    futures.add(done.submit(() -> {
                        boiled[index] = stove.boil(eggs.get(index));
                        return index;
                    }));
                }
                for (int k = 0; k < n; k++) {
                    Future<Integer> next = done.take();
                    try {
                        next.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException re) {
                            throw re;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } catch (RuntimeException | Error | InterruptedException e) {
                for (Future<Integer> f : futures) {
                    f.cancel(true);
                }
                pool.shutdownNow();
                throw e;
            }
        }
        return Arrays.asList(boiled);
    }

    public List<BoiledEgg> boilAllOnOneThread(Stove stove, List<Egg> eggs) throws InterruptedException {
        int n = eggs.size();
        Pot[] pots = new Pot[n];
        long longest = 0;
        for (int i = 0; i < n; i++) {
            pots[i] = stove.putOn(eggs.get(i));
            longest = Math.max(longest, eggs.get(i).boilTime().toMillis());
        }
        // the longest egg is done after its boil time: wait that long (plus a margin), then every egg is ready
        Thread.sleep(longest + 50);
        Integer[] byReadiness = new Integer[n];
        for (int i = 0; i < n; i++) {
            byReadiness[i] = i;
        }
        Arrays.sort(byReadiness, (a, b) -> eggs.get(a).boilTime().compareTo(eggs.get(b).boilTime()));
        BoiledEgg[] boiled = new BoiledEgg[n];
        for (int index : byReadiness) {
            pots[index].ready().join(); // in case the stove is a little late
            boiled[index] = pots[index].takeOff();
        }
        return Arrays.asList(boiled);
    }
}
