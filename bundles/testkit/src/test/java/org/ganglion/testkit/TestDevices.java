package org.ganglion.testkit;

import java.lang.reflect.Array;
import java.util.Optional;
import org.ganglion.core.DType;
import org.ganglion.core.host.HostBuffer;
import org.ganglion.core.host.HostDevice;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.core.spi.GemmEpilogue;
import org.ganglion.core.spi.MatmulSpec;
import org.ganglion.core.spi.RandomDistribution;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;

/**
 * Devices for the testkit's own tests: an independent correct copy of the host device, one with a
 * correct fused GEMM epilogue, and deliberately broken ones, each wrong in exactly one kernel.
 */
final class TestDevices {
    private TestDevices() {}

    /** A second, independent instance of the plain host kernels (HostDevice is abstract). */
    static HostDevice hostCopy() { return new HostDevice("host-copy", DeviceKind.CPU, 0) {}; }

    /** {@code act(z)} on one value, as the composite defines it. */
    static double activate(Activation act, double z) {
        return switch (act) {
            case NONE -> z;
            case RELU -> Math.max(z, 0);
            case SIGMOID -> z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            case TANH -> Math.tanh(z);
        };
    }

    /** A host device with a GemmEpilogue: matmul, then bias and activation on each element. */
    static class FusedHostDevice extends HostDevice implements GemmEpilogue {
        FusedHostDevice(String id) { super(id, DeviceKind.CPU, 0); }

        FusedHostDevice() { this("host-fused"); }

        @Override
        public <T> Optional<T> capability(Class<T> type) {
            return type == GemmEpilogue.class ? Optional.of(type.cast(this)) : Optional.empty();
        }

        @Override
        public void gemm(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer bias, Activation act, DeviceBuffer out) {
            matmul(spec, a, b, out);
            HostBuffer o = host(out);
            HostBuffer bb = bias == null ? null : host(bias);
            int n = spec.n();
            for (int i = 0; i < o.size(); i++) {
                double z = get(o, i) + (bb == null ? 0 : get(bb, i % n));
                set(o, i, epilogue(act, z, bb == null ? 0 : get(bb, i % n)));
            }
        }

        /** The value stored for pre-activation {@code z} (which already includes {@code bias}). */
        double epilogue(Activation act, double z, double bias) { return activate(act, z); }

        static double get(HostBuffer b, int i) { return b.dtype() == DType.FLOAT32 ? b.f32()[i] : b.f64()[i]; }

        static void set(HostBuffer b, int i, double v) {
            if (b.dtype() == DType.FLOAT32) b.f32()[i] = (float) v;
            else b.f64()[i] = v;
        }
    }

    /** Floating ADD is off by 1e-3 relative; everything else is right. */
    static final class BrokenAddDevice extends HostDevice {
        BrokenAddDevice() { super("broken-add", DeviceKind.CPU, 0); }

        @Override
        public void binary(BinaryOp op, Strided a, Strided b, DeviceBuffer out) {
            super.binary(op, a, b, out);
            if (op != BinaryOp.ADD || !out.dtype().isFloating()) return;
            HostBuffer o = host(out);
            for (int i = 0; i < o.size(); i++) FusedHostDevice.set(o, i, FusedHostDevice.get(o, i) * (1 + 1e-3));
        }
    }

    /** SUM reductions drop the last element of every reduced row. */
    static final class DroppingSumDevice extends HostDevice {
        DroppingSumDevice() { super("dropping-sum", DeviceKind.CPU, 0); }

        @Override
        public void reduce(ReduceOp op, DeviceBuffer x, int outer, int n, int inner, DeviceBuffer out) {
            if (op != ReduceOp.SUM || n == 0) {
                super.reduce(op, x, outer, n, inner, out);
                return;
            }
            Object values = download(x);
            Object zero = Array.get(x.dtype().newHostArray(1), 0);
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++) Array.set(values, (o * n + n - 1) * inner + i, zero);
            DeviceBuffer copy = allocate(x.dtype(), x.size());
            try {
                upload(copy, values);
                super.reduce(op, copy, outer, n, inner, out);
            } finally {
                free(copy);
            }
        }
    }

    /** Draws from the stream of the next key. */
    static final class OtherRandomDevice extends HostDevice {
        OtherRandomDevice() { super("other-random", DeviceKind.CPU, 0); }

        @Override
        public void random(RandomDistribution dist, long key, DeviceBuffer out) { super.random(dist, key + 1, out); }
    }

    /** A fused epilogue that adds the bias after the activation instead of before it. */
    static final class BrokenGemmDevice extends FusedHostDevice {
        BrokenGemmDevice() { super("broken-gemm"); }

        @Override
        double epilogue(Activation act, double z, double bias) { return activate(act, z - bias) + bias; }
    }

    /** EXP gets its result right but then writes into its input, which kernels must never do. */
    static final class ScribblingDevice extends HostDevice {
        ScribblingDevice() { super("scribbling-exp", DeviceKind.CPU, 0); }

        @Override
        public void unary(UnaryOp op, Strided x, DeviceBuffer out) {
            super.unary(op, x, out);
            if (op == UnaryOp.EXP && x.elementCount() > 0 && x.buffer().dtype().isFloating())
                FusedHostDevice.set(host(x.buffer()), x.offset(), 42);
        }
    }

    /** gather clamps out-of-range indices instead of raising IndexOutOfBoundsException. */
    static final class LaxIndexDevice extends HostDevice {
        LaxIndexDevice() { super("lax-index", DeviceKind.CPU, 0); }

        @Override
        public void gather(DeviceBuffer x, DeviceBuffer index, int outer, int n, int m, int inner, DeviceBuffer out) {
            long[] idx = new long[index.size()];
            for (int i = 0; i < idx.length; i++)
                idx[i] = Math.max(0, Math.min(n - 1, ((Number) Array.get(download(index), i)).longValue()));
            DeviceBuffer clamped = allocate(DType.INT64, idx.length);
            try {
                upload(clamped, idx);
                super.gather(x, clamped, outer, n, m, inner, out);
            } finally {
                free(clamped);
            }
        }
    }
}
