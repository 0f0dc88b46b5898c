package org.ganglion.testkit;

import org.ganglion.core.spi.ComputeDevice;

/** The whole suite against a second, independent instance of the host kernels: everything must pass. */
class HostCopyConformanceTest extends DeviceConformance {
    @Override
    protected ComputeDevice device() { return TestDevices.hostCopy(); }
}
