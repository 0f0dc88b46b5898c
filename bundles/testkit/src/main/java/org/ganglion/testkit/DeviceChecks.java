package org.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.GemmEpilogue;
import org.ganglion.core.spi.RandomDistribution;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;

/**
 * Device-level checks that are not per op: (e) a fused {@link GemmEpilogue} against the composite,
 * (f) random streams against the reference device's, (g) buffer round trips.
 */
final class DeviceChecks {
    private DeviceChecks() {}

    // ---- (e) fused kernels -----------------------------------------------------------------

    /** m, k, n of the fused GEMM shapes: degenerate, odd, larger than a typical register tile. */
    private static final int[][] GEMM_SHAPES = {{1, 1, 1}, {3, 4, 5}, {17, 33, 9}, {64, 32, 48}};

    /** Operand layouts: x as is or transposed, w as is or transposed, with or without bias. */
    private enum Layout { PLAIN, X_T, W_T, BOTH_T, NO_BIAS }

    static Stream<DynamicNode> fused(DeviceSession session) {
        Optional<GemmEpilogue> gemm = session.device().capability(GemmEpilogue.class);
        if (gemm.isEmpty())
            return Stream.of(dynamicTest("linear[no GemmEpilogue]", () -> Assumptions.abort(
                    session.device().id() + " offers no GemmEpilogue capability; Tensor.linear runs the composite there, nothing fused to check")));
        List<DynamicNode> tests = new ArrayList<>();
        for (DType dt : List.of(DType.FLOAT32, DType.FLOAT64))
            for (Activation act : Activation.values())
                for (int[] s : GEMM_SHAPES)
                    for (Layout layout : Layout.values()) {
                        String name = String.format("linear[fused %s %s m%d k%d n%d %s]", dt, act, s[0], s[1], s[2], layout);
                        tests.add(dynamicTest(name, () -> {
                            Assumptions.assumeTrue(session.device().supports(dt), () -> session.device().id() + " does not support " + dt);
                            session.onDevice(() -> fusedOnce(dt, act, s[0], s[1], s[2], layout, name));
                        }));
                    }
        return tests.stream();
    }

    private static void fusedOnce(DType dt, Activation act, int m, int k, int n, Layout layout, String name) {
        boolean xt = layout == Layout.X_T || layout == Layout.BOTH_T, wt = layout == Layout.W_T || layout == Layout.BOTH_T;
        TensorSource xs = xt ? TensorSource.floats(dt, k, m).transposed() : TensorSource.floats(dt, m, k);
        TensorSource ws = wt ? TensorSource.floats(dt, n, k).transposed() : TensorSource.floats(dt, k, n);
        Tensor x = xs.create(), w = ws.create(), b = layout == Layout.NO_BIAS ? null : TensorSource.floats(dt, n).create();
        try (Tensor fused = Tensor.linear(x, w, b, act); Tensor composite = Tensor.linearComposite(x, w, b, act)) {
            Outcome.of(fused).assertMatches(Outcome.of(composite), Tolerance.accumulation(k).max(Tolerance.TRANSCENDENTAL), name);
        } finally {
            x.close();
            w.close();
            if (b != null) b.close();
        }
    }

    // ---- (f) random streams ----------------------------------------------------------------

    private static final long[] KEYS = {0L, 1L, -1L, Long.MAX_VALUE, RandomKey.of(42).bits(), RandomKey.of(42).fold(7).bits()};
    private static final int[] SIZES = {1, 7, 1000, 4099};

    static Stream<DynamicNode> random(DeviceSession session) {
        List<DynamicNode> tests = new ArrayList<>();
        for (RandomDistribution dist : RandomDistribution.values())
            for (DType dt : List.of(DType.FLOAT32, DType.FLOAT64))
                for (long key : KEYS)
                    for (int size : SIZES) {
                        String name = String.format("random[%s %s key %x n %d]", dist, dt, key, size);
                        tests.add(dynamicTest(name, () -> {
                            Assumptions.assumeTrue(session.device().supports(dt), () -> session.device().id() + " does not support " + dt);
                            Outcome got = draw(session.device(), dist, key, dt, size);
                            Outcome want = draw(session.reference(), dist, key, dt, size);
                            // uniform draws are the Philox bits scaled: exact; normal goes through log/cos (see OpSpecsCreation)
                            Tolerance tol = dist == RandomDistribution.UNIFORM ? Tolerance.EXACT : new Tolerance(1e-6, 1e-6);
                            got.assertMatches(want, tol, name + " on " + session.device().id());
                            // element i depends only on (key, i): a shorter draw is a prefix of a longer one
                            Outcome prefix = draw(session.device(), dist, key, dt, Math.max(1, size / 3));
                            Object head = Array.newInstance(got.values().getClass().getComponentType(), prefix.size());
                            System.arraycopy(got.values(), 0, head, 0, prefix.size());
                            new Outcome(dt, prefix.shape(), head, null).assertMatches(prefix, Tolerance.EXACT, name + " prefix");
                        }));
                    }
        return tests.stream();
    }

    /** A draw through the SPI directly: allocate, random, download, free. */
    private static Outcome draw(ComputeDevice d, RandomDistribution dist, long key, DType dt, int size) {
        DeviceBuffer b = d.allocate(dt, size);
        try {
            d.random(dist, key, b);
            return new Outcome(dt, new int[] {size}, d.download(b), d);
        } finally {
            d.free(b);
        }
    }

    // ---- (g) buffers -----------------------------------------------------------------------

    /** Host arrays with the awkward values of each dtype, {@code n} elements. */
    static Object specialArray(DType dt, int n) {
        Object a = dt.newHostArray(n);
        for (int i = 0; i < n; i++) {
            switch (dt) {
                case FLOAT32 -> ((float[]) a)[i] = new float[] {Float.NaN, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, i * 0.1f}[i % 6];
                case FLOAT64 -> ((double[]) a)[i] = new double[] {Double.NaN, -0d, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, i * 0.1}[i % 6];
                case INT32 -> ((int[]) a)[i] = new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, i}[i % 5];
                case INT64 -> ((long[]) a)[i] = new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, i}[i % 5];
                case BOOL -> ((boolean[]) a)[i] = i % 3 == 0;
            }
        }
        return a;
    }

    static Stream<DynamicNode> buffers(DeviceSession session) {
        List<DynamicNode> tests = new ArrayList<>();
        for (DType dt : DType.values())
            for (int n : new int[] {0, 1, 17, 1000}) {
                tests.add(dynamicTest("buffer[" + dt + " n " + n + " round trip]", () -> {
                    ComputeDevice d = session.device();
                    Assumptions.assumeTrue(d.supports(dt), () -> d.id() + " does not support " + dt);
                    Object host = specialArray(dt, n);
                    DeviceBuffer b = d.allocate(dt, n);
                    try {
                        assertSame(d, b.device(), "buffer.device()");
                        assertEquals(dt, b.dtype(), "buffer.dtype()");
                        assertEquals(n, b.size(), "buffer.size()");
                        Object sent = copy(host);
                        d.upload(b, sent);
                        if (n > 0) Array.set(sent, 0, Array.get(specialArray(dt, 2), 1)); // the device must have copied it
                        Object back = d.download(b);
                        assertBitwiseEqual(host, back, "download after upload");
                        if (n > 0) Array.set(back, n - 1, Array.get(specialArray(dt, 2), 0)); // a fresh array each time
                        assertBitwiseEqual(host, d.download(b), "second download");
                        d.fill(b, 3);
                        Object filled = d.download(b);
                        for (int i = 0; i < n; i++) assertEquals(Array.get(fillValue(dt), 0), Array.get(filled, i), "fill element " + i);
                    } finally {
                        d.free(b);
                    }
                }));
                tests.add(dynamicTest("buffer[" + dt + " n " + n + " through tensors]", () -> {
                    Assumptions.assumeTrue(session.device().supports(dt), () -> session.device().id() + " does not support " + dt);
                    Object host = specialArray(dt, n);
                    Object back = session.onDevice(() -> {
                        try (Tensor t = Tensor.fromArray(copy(host), n)) {
                            assertSame(session.device(), t.device());
                            return t.toArray();
                        }
                    });
                    assertBitwiseEqual(host, back, "Tensor.fromArray then toArray");
                }));
            }
        return tests.stream();
    }

    /** Each element created on the reference device survives a move to the device and back, bit for bit. */
    static Stream<DynamicNode> evacuation(DeviceSession session) {
        return Stream.of(DType.values()).map(dt -> dynamicTest("buffer[" + dt + " moves to the device and back]", () -> {
            Assumptions.assumeTrue(session.device().supports(dt), () -> session.device().id() + " does not support " + dt);
            Object host = specialArray(dt, 37);
            try (Tensor t = session.onReference(() -> Tensor.fromArray(copy(host), 37))) {
                session.onDevice(() -> assertSame(session.device(), t.device(), "the registry moves live storage to the pinned device"));
                assertSame(session.reference(), t.device(), "and back when the reference is pinned again");
                assertBitwiseEqual(host, t.toArray(), "after a round trip through " + session.device().id());
            }
        }));
    }

    /**
     * No buffer outlives its tensors: the whole op table (forwards and error inputs) runs on the
     * device, every tensor the suite makes is closed, and after the cleaner has run (a bounded
     * GC-wait loop for the intermediates core drops) the registry's count of live buffers on the
     * device is back where it was. A device or op that keeps storage alive makes this fail.
     */
    static Stream<DynamicNode> leaks(DeviceSession session, List<OpSpec> specs) {
        DynamicNode closing = dynamicTest("buffer[close frees at once]", () -> session.onDevice(() -> {
            int before = session.registry().liveBuffers(session.device());
            Tensor t = Tensor.zeros(DType.FLOAT32, 64);
            assertEquals(before + 1, session.registry().liveBuffers(session.device()), "a new tensor holds one buffer on the device");
            t.close();
            assertEquals(before, session.registry().liveBuffers(session.device()), "close() frees it immediately");
        }));
        DynamicNode table = dynamicTest("buffer[no leak after the op table]", () -> session.onDevice(() -> {
            int before = settle(session);
            for (OpSpec spec : specs) {
                for (Sample s : spec.samples()) {
                    try { TableChecks.run(spec, s); } catch (RuntimeException | AssertionError ignored) { /* correctness is checked elsewhere */ }
                }
                for (ErrorInput e : spec.errors()) {
                    try { TableChecks.expectError(spec, e); } catch (RuntimeException | AssertionError ignored) { /* ditto */ }
                }
            }
            int after = waitUntilAtMost(session, before, 20_000);
            if (after > before)
                throw new AssertionError(after - before + " buffer(s) still live on " + session.device().id() + " after the op table ran and "
                        + "every tensor was closed or collected (" + before + " before, " + after + " after)");
        }));
        return Stream.of(closing, table);
    }

    private static void gc() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live-buffer count once garbage collection no longer lowers it. */
    private static int settle(DeviceSession s) {
        int last = Integer.MAX_VALUE, stable = 0;
        for (int i = 0; i < 100 && stable < 3; i++) {
            gc();
            int now = s.registry().liveBuffers(s.device());
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    /** Collects garbage until the count is at most {@code target}, or has not dropped for two seconds, or {@code millis} have passed. */
    private static int waitUntilAtMost(DeviceSession s, int target, long millis) {
        long start = System.nanoTime(), end = start + millis * 1_000_000, lastDrop = start;
        int now = s.registry().liveBuffers(s.device());
        while (now > target && System.nanoTime() < end && System.nanoTime() - lastDrop < 2_000_000_000L) {
            gc();
            int next = s.registry().liveBuffers(s.device());
            if (next < now) lastDrop = System.nanoTime();
            now = next;
        }
        return now;
    }

    private static Object fillValue(DType dt) {
        return switch (dt) {
            case FLOAT32 -> new float[] {3f};
            case FLOAT64 -> new double[] {3d};
            case INT32 -> new int[] {3};
            case INT64 -> new long[] {3L};
            case BOOL -> new boolean[] {true};
        };
    }

    private static Object copy(Object a) {
        Object c = Array.newInstance(a.getClass().getComponentType(), Array.getLength(a));
        System.arraycopy(a, 0, c, 0, Array.getLength(a));
        return c;
    }

    /** Float arrays compare by raw bits (NaN payloads aside: any NaN matches any NaN), so -0.0 must stay -0.0. */
    static void assertBitwiseEqual(Object want, Object got, String what) {
        assertEquals(want.getClass(), got.getClass(), what + ": host array type");
        if (want instanceof float[] w) {
            float[] g = (float[]) got;
            assertEquals(w.length, g.length, what + ": length");
            for (int i = 0; i < w.length; i++)
                assertEquals(Float.floatToIntBits(w[i]), Float.floatToIntBits(g[i]), what + ": element " + i + " " + w[i] + " vs " + g[i]);
        } else if (want instanceof double[] w) {
            double[] g = (double[]) got;
            assertEquals(w.length, g.length, what + ": length");
            for (int i = 0; i < w.length; i++)
                assertEquals(Double.doubleToLongBits(w[i]), Double.doubleToLongBits(g[i]), what + ": element " + i + " " + w[i] + " vs " + g[i]);
        } else if (want instanceof int[] w) assertArrayEquals(w, (int[]) got, what);
        else if (want instanceof long[] w) assertArrayEquals(w, (long[]) got, what);
        else assertArrayEquals((boolean[]) want, (boolean[]) got, what);
    }
}
