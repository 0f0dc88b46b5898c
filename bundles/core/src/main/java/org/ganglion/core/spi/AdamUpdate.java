package org.ganglion.core.spi;

/**
 * Fused capability: one Adam step over {@code n} contiguous float32 elements in a single pass.
 * Must give exactly the bits of the composite in {@link org.ganglion.core.Fused#adam}, which rounds
 * every operation to float32 in this order:
 * <pre>
 * m' = m·β1 + g·c1              v' = v·β2 + (g·g)·c2
 * OUTSIDE_SQRT: u = (m'/s1) / (√(v'/s2) + ε)
 * INSIDE_SQRT:  u = (m'/s1) / √(v'/s2 + ε)
 * UNCORRECTED:  u = (m'·s1) / (√v' + ε)
 * </pre>
 * Outputs are new buffers; inputs are not modified.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AdamUpdate {
    /** Where ε enters the denominator. */
    enum Form { OUTSIDE_SQRT, INSIDE_SQRT, UNCORRECTED }

    void step(Form form, DeviceBuffer g, DeviceBuffer m, DeviceBuffer v, int n,
              float b1, float c1, float b2, float c2, float s1, float s2, float eps,
              DeviceBuffer update, DeviceBuffer mOut, DeviceBuffer vOut);
}
