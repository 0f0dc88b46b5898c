package org.ganglion.core.host;

import org.ganglion.core.DType;
import org.ganglion.core.reference.ReferenceDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.Strided;

/** Shortcuts for tests of the reference device: buffers from literals and back. */
abstract class DeviceFixture {
    final ReferenceDevice dev = new ReferenceDevice();

    DeviceBuffer of(Object hostArray) {
        DeviceBuffer b = dev.allocate(DType.ofHostArray(hostArray), DType.hostLength(hostArray));
        dev.upload(b, hostArray);
        return b;
    }

    DeviceBuffer f32(float... v) { return of(v); }

    DeviceBuffer f64(double... v) { return of(v); }

    DeviceBuffer i32(int... v) { return of(v); }

    DeviceBuffer i64(long... v) { return of(v); }

    DeviceBuffer bool(boolean... v) { return of(v); }

    DeviceBuffer zeros(DType t, int n) {
        DeviceBuffer b = dev.allocate(t, n);
        dev.fill(b, 0);
        return b;
    }

    float[] f32(DeviceBuffer b) { return (float[]) dev.download(b); }

    double[] f64(DeviceBuffer b) { return (double[]) dev.download(b); }

    int[] i32(DeviceBuffer b) { return (int[]) dev.download(b); }

    long[] i64(DeviceBuffer b) { return (long[]) dev.download(b); }

    boolean[] bool(DeviceBuffer b) { return (boolean[]) dev.download(b); }

    static Strided flat(DeviceBuffer b) { return Strided.contiguous(b, b.size()); }

    static Strided view(DeviceBuffer b, int offset, int[] shape, int[] strides) {
        return new Strided(b, offset, shape, strides);
    }

    static int[] ints(int... v) { return v; }
}
