package org.ganglion.core;

import java.util.Arrays;
import java.util.Optional;
import org.ganglion.core.spi.AdamUpdate;
import org.ganglion.core.spi.Axpy;
import org.ganglion.core.spi.ComputeDevice;

/**
 * Operations a device may run as one fused kernel. Each method here is also the specification:
 * without the capability it runs the composite, and a device's fused kernel must match it.
 */
public final class Fused {
    private Fused() {}

    /**
     * One Adam step for gradient {@code g} and moments {@code m}, {@code v} (same shape): returns
     * {@code {update, m', v'}} as defined in {@link AdamUpdate}. Float32 tensors use the device's
     * {@link AdamUpdate} when it has one; everything else runs the composite.
     */
    public static Tensor[] adam(AdamUpdate.Form form, Tensor g, Tensor m, Tensor v,
                                double b1, double b2, double eps, double s1, double s2) {
        if (!Arrays.equals(g.shape, m.shape) || !Arrays.equals(g.shape, v.shape))
            throw ShapeMismatchException.of("adam", "gradient and moments must have one shape", g.shape, m.shape, v.shape);
        ComputeDevice d = Tensor.registry().active();
        Optional<AdamUpdate> fused = d.capability(AdamUpdate.class);
        boolean f32 = g.dtype == DType.FLOAT32 && m.dtype == DType.FLOAT32 && v.dtype == DType.FLOAT32;
        if (fused.isEmpty() || !f32) return composite(form, g, m, v, b1, b2, eps, s1, s2);
        Tensor gd = g.dense(), md = m.dense(), vd = v.dense();
        return Tensor.registry().step(() -> {
            ComputeDevice dev = Tensor.registry().active();
            AdamUpdate k = dev.capability(AdamUpdate.class).orElse(null);
            if (k == null) return composite(form, g, m, v, b1, b2, eps, s1, s2);
            Tensor u = Tensor.empty(dev, DType.FLOAT32, g.shape), m2 = Tensor.empty(dev, DType.FLOAT32, g.shape),
                    v2 = Tensor.empty(dev, DType.FLOAT32, g.shape);
            k.step(form, gd.bufferOn(dev), md.bufferOn(dev), vd.bufferOn(dev), g.numel(), (float) b1, (float) (1 - b1),
                    (float) b2, (float) (1 - b2), (float) s1, (float) s2, (float) eps, u.bufferOn(dev), m2.bufferOn(dev), v2.bufferOn(dev));
            return new Tensor[] {u, m2, v2};
        });
    }

    /**
     * {@code y + x·α} (same shapes), e.g. a parameter plus its scaled update; one pass on a device
     * with {@link Axpy}, else the composite {@code y.add(x.mul(α))}.
     */
    public static Tensor axpy(Tensor y, Tensor x, double alpha) {
        if (!Arrays.equals(y.shape, x.shape))
            throw ShapeMismatchException.of("axpy", "operands must have one shape", y.shape, x.shape);
        ComputeDevice d = Tensor.registry().active();
        if (y.dtype != DType.FLOAT32 || x.dtype != DType.FLOAT32 || d.capability(Axpy.class).isEmpty()) return y.add(x.mul(alpha));
        Tensor yd = y.dense(), xd = x.dense();
        return Tensor.registry().step(() -> {
            ComputeDevice dev = Tensor.registry().active();
            Axpy k = dev.capability(Axpy.class).orElse(null);
            if (k == null) return y.add(x.mul(alpha));
            Tensor out = Tensor.empty(dev, DType.FLOAT32, y.shape);
            k.axpy(yd.bufferOn(dev), xd.bufferOn(dev), (float) alpha, y.numel(), out.bufferOn(dev));
            return out;
        });
    }

    /** The composite definition of {@link #adam}. */
    public static Tensor[] composite(AdamUpdate.Form form, Tensor g, Tensor m, Tensor v,
                                     double b1, double b2, double eps, double s1, double s2) {
        Tensor m2 = m.mul(b1).add(g.mul(1 - b1));
        Tensor v2 = v.mul(b2).add(g.square().mul(1 - b2));
        Tensor u = switch (form) {
            case OUTSIDE_SQRT -> m2.div(s1).div(v2.div(s2).sqrt().add(eps));
            case INSIDE_SQRT -> m2.div(s1).div(v2.div(s2).add(eps).sqrt());
            case UNCORRECTED -> m2.mul(s1).div(v2.sqrt().add(eps));
        };
        return new Tensor[] {u, m2, v2};
    }
}
