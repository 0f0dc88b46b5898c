package org.ganglion.backend.ejml;

import org.ganglion.core.host.HostBuffer;
import org.ganglion.core.spi.AdamUpdate;
import org.ganglion.core.spi.Axpy;
import org.ganglion.core.spi.DeviceBuffer;

/**
 * The {@link AdamUpdate} and {@link Axpy} capabilities: the composites' float32 operations, in their order, in one pass
 * over the data (Java never contracts {@code a*b+c} into an FMA, so the bits are the composite's),
 * split over the device's threads.
 */
final class FusedAdam implements AdamUpdate, Axpy {
    private final EjmlDevice device;

    FusedAdam(EjmlDevice device) { this.device = device; }

    @Override
    public void step(Form form, DeviceBuffer gb, DeviceBuffer mb, DeviceBuffer vb, int n, float b1, float c1, float b2, float c2,
                     float s1, float s2, float eps, DeviceBuffer ub, DeviceBuffer mob, DeviceBuffer vob) {
        float[] g = f32(gb, n), m = f32(mb, n), v = f32(vb, n), u = f32(ub, n), mo = f32(mob, n), vo = f32(vob, n);
        device.split(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                float gi = g[i];
                float m2 = m[i] * b1 + gi * c1;
                float v2 = v[i] * b2 + (gi * gi) * c2;
                mo[i] = m2;
                vo[i] = v2;
                u[i] = switch (form) {
                    case OUTSIDE_SQRT -> (m2 / s1) / ((float) Math.sqrt(v2 / s2) + eps);
                    case INSIDE_SQRT -> (m2 / s1) / (float) Math.sqrt(v2 / s2 + eps);
                    case UNCORRECTED -> (m2 * s1) / ((float) Math.sqrt(v2) + eps);
                };
            }
        });
    }

    @Override
    public void axpy(DeviceBuffer yb, DeviceBuffer xb, float alpha, int n, DeviceBuffer ob) {
        float[] y = f32(yb, n), x = f32(xb, n), o = f32(ob, n);
        device.split(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) o[i] = y[i] + x[i] * alpha;
        });
    }

    private float[] f32(DeviceBuffer b, int n) {
        HostBuffer h = device.hostBuffer(b);
        if (h.size() < n) throw new IllegalArgumentException("adam: buffer of " + h.size() + " elements, need " + n);
        return h.f32();
    }
}
