package org.ganglion.backend.ejml;

import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.testkit.DeviceConformance;

/** The whole testkit conformance suite on the CPU device, against the reference device. */
class EjmlConformanceTest extends DeviceConformance {
    @Override
    protected ComputeDevice device() { return new EjmlDevice(); }
}
