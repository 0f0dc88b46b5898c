package org.ganglion.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ganglion.itests.lifecycle.LifecycleSupport.CPU_THREADS;
import static org.ganglion.itests.lifecycle.LifecycleSupport.EJML;
import static org.ganglion.itests.lifecycle.LifecycleSupport.NN;
import static org.ganglion.itests.lifecycle.LifecycleSupport.OPTIM;
import static org.ganglion.itests.lifecycle.LifecycleSupport.PLUGIN;
import static org.ganglion.itests.lifecycle.LifecycleSupport.await;
import static org.ganglion.itests.lifecycle.LifecycleSupport.bundleFile;
import static org.ganglion.itests.lifecycle.LifecycleSupport.find;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.graph.ComponentRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Lifecycle soak: every provider bundle is stopped and started 100 times, backend.ejml and the
 * plugin are updated 20 times each from their own jars; after every step the device and component
 * registries must agree with the bundle states. Afterwards: no removal-pending bundles after a
 * refresh, no leaked CPU worker threads ({@code ganglion-cpu-<pool>-<n>}, see backend-ejml's
 * Parallel), and no reachable class loader of an old (updated away) revision.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LifecycleSoakIT {
    static final int CYCLES = Integer.getInteger("soak.cycles", 100);
    static final int UPDATES = Integer.getInteger("soak.updates", 20);

    @Inject BundleContext ctx;

    @Configuration
    public Option[] config() { return LifecycleSupport.options(true); }

    // ---------------------------------------------------------------- registry consistency

    private static String activeDevice() { return DeviceRegistry.global().active().id(); }

    private static boolean names(boolean present, String kind, String... names) {
        ComponentRegistry r = ComponentRegistry.global();
        for (String n : names) if (r.has(kind, n) != present) return false;
        return true;
    }

    /** The condition the registries must satisfy when {@code bsn} is started ({@code on}) or stopped. */
    private static BooleanSupplier consistent(String bsn, boolean on) {
        switch (bsn) {
            case EJML: return () -> activeDevice().equals(on ? "cpu" : "reference");
            case NN: return () -> names(on, "layer", "dense");
            case OPTIM: return () -> names(on, "optimizer", "adam");
            case PLUGIN: return () -> names(on, "layer", "mish") && names(on, "optimizer", "lion") && names(on, "loss", "squared_log_error");
            default: throw new IllegalArgumentException(bsn);
        }
    }

    private void check(String bsn, boolean on, String step) throws InterruptedException {
        BooleanSupplier c = consistent(bsn, on);
        if (c.getAsBoolean()) return;   // the usual case: consistent as soon as stop()/start() returns
        lateChecks++;
        await(bsn + " " + step + ": registries consistent (active device " + activeDevice() + ")", 5_000, c);
    }

    private int lateChecks;

    /** A small product on the active device: the device works (and holds some buffers). */
    private static void compute() {
        Tensor a = Tensor.rand(RandomKey.of(1), DType.FLOAT32, 96, 96);
        float[] r = a.matmul(a).toFloatArray();
        assertEquals(96 * 96, r.length);
        assertTrue(Float.isFinite(r[0]));
    }

    // ---------------------------------------------------------------- the soak

    @Test
    public void soak() throws Exception {
        String[] providers = {EJML, NN, OPTIM, PLUGIN};
        for (String bsn : providers) {
            Bundle b = find(ctx, bsn);
            assertNotNull(bsn, b);
            assertEquals(bsn + " state", Bundle.ACTIVE, b.getState());
            check(bsn, true, "initially");
        }
        System.out.println("[soak] initial threads " + ganglionThreads() + ", devices " + deviceIds());

        long t0 = System.nanoTime();
        for (String bsn : providers) {
            Bundle b = find(ctx, bsn);
            for (int i = 0; i < CYCLES; i++) {
                b.stop();
                check(bsn, false, "stop #" + i);
                if (bsn.equals(EJML)) compute();   // on the reference device
                b.start();
                check(bsn, true, "start #" + i);
                if (bsn.equals(EJML) && i % 10 == 0) compute();
            }
            // the other providers are unaffected
            for (String other : providers) check(other, true, "after cycling " + bsn);
        }
        System.out.printf("[soak] %d stop/start cycles x %d bundles in %d ms (late registry updates: %d)%n",
            CYCLES, providers.length, (System.nanoTime() - t0) / 1_000_000, lateChecks);

        // updates from the bundles' own jars; weak references to the old revisions' class loaders
        Map<String, List<WeakReference<ClassLoader>>> old = new LinkedHashMap<>();
        t0 = System.nanoTime();
        for (String bsn : new String[] {EJML, PLUGIN}) {
            Bundle b = find(ctx, bsn);
            List<WeakReference<ClassLoader>> refs = new ArrayList<>();
            old.put(bsn, refs);
            for (int i = 0; i < UPDATES; i++) {
                refs.add(new WeakReference<>(loader(b)));
                try (InputStream in = Files.newInputStream(bundleFile(bsn).toPath())) {
                    b.update(in);
                }
                assertEquals(bsn + " state after update #" + i, Bundle.ACTIVE, b.getState());
                check(bsn, true, "update #" + i);
                if (bsn.equals(EJML)) compute();
                if (i % 5 == 4) {   // also stop/start the updated revision
                    b.stop();
                    check(bsn, false, "stop after update #" + i);
                    b.start();
                    check(bsn, true, "start after update #" + i);
                }
            }
            for (String other : providers) check(other, true, "after updating " + bsn);
        }
        System.out.printf("[soak] %d updates x 2 bundles in %d ms%n", UPDATES, (System.nanoTime() - t0) / 1_000_000);
        int pendingBefore = LifecycleSupport.removalPending(ctx);

        // refresh, then measure
        LifecycleSupport.refresh(ctx);
        for (String bsn : providers) {
            assertEquals(bsn + " state after refresh", Bundle.ACTIVE, find(ctx, bsn).getState());
            await(bsn + " consistent after refresh", consistent(bsn, true));
        }
        compute();
        int pending = LifecycleSupport.removalPending(ctx);

        long cpuDevices = DeviceRegistry.global().devices().stream().filter(d -> d.id().equals("cpu")).count();
        int threadBound = (int) cpuDevices * CPU_THREADS;
        // closed workers leave their loop asynchronously: give them a moment
        long end = System.currentTimeMillis() + 5_000;
        while (ganglionThreads().size() > threadBound && System.currentTimeMillis() < end) Thread.sleep(50);
        List<String> threads = ganglionThreads();

        Map<String, Integer> alive = new LinkedHashMap<>();
        List<String> diagnosis = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(100);
        }
        int total = 0;
        for (Map.Entry<String, List<WeakReference<ClassLoader>>> e : old.entrySet()) {
            int n = 0;
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                ClassLoader cl = e.getValue().get(i).get();
                if (cl != null) {
                    n++;
                    which.add(i);
                    diagnosis.addAll(diagnose(e.getKey(), i, cl));
                }
                cl = null;
            }
            alive.put(e.getKey(), n);
            total += n;
            System.out.println("[soak] " + e.getKey() + ": old class loaders alive " + n + "/" + e.getValue().size()
                + (which.isEmpty() ? "" : " (revisions before updates " + which + ")"));
        }
        System.out.println("[soak] threads " + threads.size() + " " + threads + " (bound " + threadBound + " = " + cpuDevices
            + " cpu device(s) x " + CPU_THREADS + "), pending removal " + pendingBefore + " before refresh / " + pending
            + " after, old class loaders alive " + total + " " + alive + ", devices " + deviceIds());
        for (String d : diagnosis) System.out.println("[soak] leak diagnosis: " + d);

        assertEquals("removal-pending bundles after refresh", 0, pending);
        assertTrue("leaked CPU worker threads: " + threads + " > " + threadBound, threads.size() <= threadBound);
        if (total > 0)
            fail("class-loader leak: " + total + " old revision class loader(s) still reachable after refresh + GC: " + alive
                + (diagnosis.isEmpty() ? "" : "; " + diagnosis));
    }

    private static ClassLoader loader(Bundle b) {
        BundleWiring w = b.adapt(BundleWiring.class);
        return w == null ? null : w.getClassLoader();
    }

    private static List<String> ganglionThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet())
            if (t.isAlive() && t.getName().startsWith("ganglion")) names.add(t.getName());
        names.sort(null);
        return names;
    }

    private static List<String> deviceIds() {
        List<String> ids = new ArrayList<>();
        for (ComputeDevice d : DeviceRegistry.global().devices()) ids.add(d.id() + "@" + System.identityHashCode(d.getClass().getClassLoader()));
        return ids;
    }

    /** Cheap hints about who holds {@code cl}: registries' objects and threads loaded by / using it. */
    private static List<String> diagnose(String bsn, int rev, ClassLoader cl) {
        List<String> found = new ArrayList<>();
        String who = bsn + " rev#" + rev;
        for (ComputeDevice d : DeviceRegistry.global().devices())
            if (d.getClass().getClassLoader() == cl) found.add(who + ": DeviceRegistry.global() still lists device " + d.id());
        for (String kind : new String[] {"layer", "optimizer", "loss", "initializer", "metric"})
            for (ComponentRegistry.Entry e : ComponentRegistry.global().entries(kind))
                if (e.factory().getClass().getClassLoader() == cl) found.add(who + ": ComponentRegistry.global() still has " + kind + " " + e.name());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getClass().getClassLoader() == cl) found.add(who + ": live thread of its class " + t.getName());
            if (t.getContextClassLoader() == cl) found.add(who + ": thread context class loader of " + t.getName());
        }
        if (found.isEmpty()) found.add(who + ": not in the registries' device/factory lists nor a thread (needs a heap dump)");
        return found;
    }
}
