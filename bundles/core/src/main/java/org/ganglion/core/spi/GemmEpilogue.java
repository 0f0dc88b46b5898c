package org.ganglion.core.spi;

/**
 * Fused capability: {@code out = act(op(A) · op(B) + bias)}, bias of length {@code n} broadcast
 * over rows (may be null). Must equal the composite matmul, add and activation within float
 * tolerance; the testkit checks it.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface GemmEpilogue {
    void gemm(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer bias, Activation act, DeviceBuffer out);
}
