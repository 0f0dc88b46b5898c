package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.reference.ReferenceDevice;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.core.spi.GemmEpilogue;
import org.ganglion.core.spi.MatmulSpec;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The device's products against the {@link ReferenceDevice}, its registration and its thread lifecycle. */
class EjmlDeviceTest {
    static final EjmlDevice CPU = new EjmlDevice(2);
    static final ReferenceDevice REF = new ReferenceDevice();

    @AfterAll
    static void close() { CPU.close(); }

    @Test
    void identity() {
        assertEquals("cpu", CPU.id());
        assertEquals(DeviceKind.CPU, CPU.kind());
        assertEquals(100, CPU.ranking());
        assertEquals(2, CPU.threads());
        assertTrue(CPU.gemmKernel().startsWith("vector-"), CPU.gemmKernel());
    }

    @Test
    void foundByServiceLoader() {
        boolean found = false;
        for (ComputeDevice d : ServiceLoader.load(ComputeDevice.class)) {
            if (d instanceof EjmlDevice e) {
                found = true;
                assertEquals("cpu", e.id());
                e.close();
            }
        }
        assertTrue(found, "META-INF/services lists EjmlDevice");
    }

    @Test
    void float32MatmulMatchesReference() {
        for (MatmulSpec s : new MatmulSpec[] {MatmulSpec.of(67, 131, 97), new MatmulSpec(3, 20, 33, 40, true, 2, 0, true, 1, 33 * 40),
                new MatmulSpec(2, 1, 1, 1, false, 0, 1, false, 0, 0), new MatmulSpec(1, 0, 4, 4, false, 0, 0, false, 0, 0)}) {
            for (EjmlDevice dev : new EjmlDevice[] {CPU, new EjmlDevice(2, Kernels.scalar())}) {
                float[] got = (float[]) run(dev, s, DType.FLOAT32, false, Activation.NONE);
                float[] want = (float[]) run(REF, s, DType.FLOAT32, false, Activation.NONE);
                assertClose(want, got, s.k(), dev.gemmKernel() + " " + s);
            }
        }
    }

    @Test
    void float64MatmulUsesEjmlAndMatchesReference() {
        for (MatmulSpec s : new MatmulSpec[] {MatmulSpec.of(67, 131, 97), new MatmulSpec(3, 20, 33, 40, true, 2, 0, true, 1, 33 * 40),
                new MatmulSpec(2, 5, 6, 7, false, 0, 35, true, 0, 42), new MatmulSpec(2, 4, 5, 0, false, 0, 0, false, 0, 0),
                new MatmulSpec(1, 0, 4, 4, false, 0, 0, false, 0, 0)}) {
            double[] got = (double[]) run(CPU, s, DType.FLOAT64, false, Activation.NONE);
            double[] want = (double[]) run(REF, s, DType.FLOAT64, false, Activation.NONE);
            for (int i = 0; i < want.length; i++)
                assertEquals(want[i], got[i], 1e-12 * Math.sqrt(s.k() + 1) * Math.max(1, Math.abs(want[i])), s + " at " + i);
        }
    }

    @Test
    void fusedEpilogueEqualsCompositeOnReference() {
        assertTrue(CPU.capability(GemmEpilogue.class).isPresent());
        assertTrue(REF.capability(GemmEpilogue.class).isEmpty());   // so run() computes the composite there
        for (Activation act : Activation.values()) {
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                for (MatmulSpec s : new MatmulSpec[] {MatmulSpec.of(67, 131, 97), new MatmulSpec(2, 9, 70, 13, true, 0, 9 * 13, false, 0, 0)}) {
                    Object got = run(CPU, s, t, true, act), want = run(REF, s, t, true, act);
                    if (t == DType.FLOAT32) assertClose((float[]) want, (float[]) got, s.k(), act + " " + s);
                    else assertArrayEquals((double[]) want, (double[]) got, 1e-9, act + " " + s);
                }
            }
        }
    }

    @Test
    void invalidProductsAreRefused() {
        DeviceBuffer a = CPU.allocate(DType.FLOAT32, 4), b = CPU.allocate(DType.FLOAT64, 4), c = CPU.allocate(DType.FLOAT32, 4);
        assertThrows(DTypeMismatchException.class, () -> CPU.matmul(MatmulSpec.of(2, 2, 2), a, b, c));
        DeviceBuffer i = CPU.allocate(DType.INT32, 4);
        assertThrows(DTypeMismatchException.class, () -> CPU.matmul(MatmulSpec.of(2, 2, 2), i, i, i));
        DeviceBuffer small = CPU.allocate(DType.FLOAT32, 3);
        assertThrows(RuntimeException.class, () -> CPU.matmul(MatmulSpec.of(2, 2, 2), a, a, small));
        assertThrows(IllegalArgumentException.class, () -> CPU.matmul(MatmulSpec.of(2, 2, 2), REF.allocate(DType.FLOAT32, 4), a, c));
        GemmEpilogue fused = CPU.capability(GemmEpilogue.class).orElseThrow();
        assertThrows(RuntimeException.class, () -> fused.gemm(MatmulSpec.of(2, 2, 2), a, a, CPU.allocate(DType.FLOAT32, 3), Activation.RELU, c));
    }

    @Test
    void closeStopsTheHelperThreadsAndTheDeviceKeepsWorking() throws Exception {
        EjmlDevice dev = new EjmlDevice(2);
        float[] before = (float[]) run(dev, MatmulSpec.of(200, 200, 200), DType.FLOAT32, false, Activation.NONE);
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ganglion-cpu-")).allMatch(Thread::isDaemon));
        dev.close();
        assertEquals(1, dev.threads());
        float[] after = (float[]) run(dev, MatmulSpec.of(200, 200, 200), DType.FLOAT32, false, Activation.NONE);
        assertArrayEquals(before, after);
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Random operands (seeded by the spec) uploaded to {@code dev}; the product (with bias and act when fused) downloaded. */
    static Object run(ComputeDevice dev, MatmulSpec s, DType t, boolean fused, Activation act) {
        SplittableRandom r = new SplittableRandom(s.hashCode());
        int aLen = SgemmTest.span(s.batch(), s.aOffset(), s.aBatchStride(), s.m() * s.k());
        int bLen = SgemmTest.span(s.batch(), s.bOffset(), s.bBatchStride(), s.k() * s.n());
        DeviceBuffer a = buffer(dev, t, aLen, r), b = buffer(dev, t, bLen, r), bias = buffer(dev, t, s.n(), r);
        DeviceBuffer out = dev.allocate(t, s.batch() * s.m() * s.n());
        if (!fused) {
            dev.matmul(s, a, b, out);
        } else if (dev.capability(GemmEpilogue.class).isPresent()) {
            dev.capability(GemmEpilogue.class).get().gemm(s, a, b, bias, act, out);
        } else {   // the composite: matmul, bias add (broadcast over rows), activation
            dev.matmul(s, a, b, out);
            int rows = s.batch() * s.m();
            DeviceBuffer sum = dev.allocate(t, rows * s.n());
            dev.binary(BinaryOp.ADD, Strided.contiguous(out, rows, s.n()),
                    new Strided(bias, 0, new int[] {rows, s.n()}, new int[] {0, 1}), sum);
            out = dev.allocate(t, rows * s.n());
            switch (act) {
                case NONE -> dev.copy(Strided.contiguous(sum, rows * s.n()), Strided.contiguous(out, rows * s.n()));
                case RELU -> {
                    DeviceBuffer zero = dev.allocate(t, 1);
                    dev.fill(zero, 0);
                    dev.binary(BinaryOp.MAX, Strided.contiguous(sum, rows * s.n()),
                            new Strided(zero, 0, new int[] {rows * s.n()}, new int[] {0}), out);
                }
                case SIGMOID -> dev.unary(UnaryOp.SIGMOID, Strided.contiguous(sum, rows * s.n()), out);
                case TANH -> dev.unary(UnaryOp.TANH, Strided.contiguous(sum, rows * s.n()), out);
            }
        }
        return dev.download(out);
    }

    static DeviceBuffer buffer(ComputeDevice dev, DType t, int n, SplittableRandom r) {
        DeviceBuffer buf = dev.allocate(t, n);
        if (t == DType.FLOAT32) dev.upload(buf, SgemmTest.rand(r, n));
        else dev.upload(buf, r.doubles(n, -1, 1).toArray());
        return buf;
    }

    /** Float32 products: within 1e-6·sqrt(k) of the larger of |want| and 1 (operands are in [-1, 1]). */
    static void assertClose(float[] want, float[] got, int k, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-6 * Math.sqrt(k + 1) * Math.max(1, Math.abs(want[i])) * 4;
            if (!(Math.abs(want[i] - got[i]) <= tol)) throw new AssertionError(what + " at " + i + ": " + got[i] + " vs " + want[i]);
        }
    }
}
