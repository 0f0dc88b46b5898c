package org.ganglion.core.host;

import org.ganglion.core.DType;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;

/**
 * A device buffer backed by a Java array of the dtype's host type ({@code float[]}, {@code double[]},
 * {@code int[]}, {@code long[]}, {@code boolean[]}). The array is the storage itself: kernels read
 * and write it directly.
 */
public final class HostBuffer implements DeviceBuffer {
    private final ComputeDevice device;
    private final DType dtype;
    private final Object array;

    public HostBuffer(ComputeDevice device, DType dtype, Object array) {
        if (DType.ofHostArray(array) != dtype)
            throw new IllegalArgumentException("host array " + array.getClass().getSimpleName() + " is not " + dtype);
        this.device = device;
        this.dtype = dtype;
        this.array = array;
    }

    @Override public ComputeDevice device() { return device; }

    @Override public DType dtype() { return dtype; }

    @Override public int size() { return DType.hostLength(array); }

    /** The backing array. */
    public Object array() { return array; }

    public float[] f32() { return (float[]) array; }

    public double[] f64() { return (double[]) array; }

    public int[] i32() { return (int[]) array; }

    public long[] i64() { return (long[]) array; }

    public boolean[] bool() { return (boolean[]) array; }

    @Override
    public String toString() { return "HostBuffer[" + dtype + " x " + size() + " on " + device.id() + "]"; }
}
