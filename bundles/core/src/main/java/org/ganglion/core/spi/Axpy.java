package org.ganglion.core.spi;

/**
 * Fused capability: {@code out[i] = y[i] + x[i]·α} over {@code n} contiguous float32 elements in one
 * pass, with exactly the bits of the composite {@code y.add(x.mul(α))} (the product rounded to
 * float32, then the sum). Used for parameter updates. Inputs are not modified.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Axpy {
    void axpy(DeviceBuffer y, DeviceBuffer x, float alpha, int n, DeviceBuffer out);
}
