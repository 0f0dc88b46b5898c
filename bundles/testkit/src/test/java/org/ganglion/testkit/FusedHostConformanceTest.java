package org.ganglion.testkit;

import org.ganglion.core.spi.ComputeDevice;

/** A host device with a correct fused GEMM epilogue, so that check (e) runs rather than being skipped. */
class FusedHostConformanceTest extends DeviceConformance {
    @Override
    protected ComputeDevice device() { return new TestDevices.FusedHostDevice(); }
}
