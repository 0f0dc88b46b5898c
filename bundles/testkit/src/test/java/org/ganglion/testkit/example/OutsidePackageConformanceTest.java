package org.ganglion.testkit.example;

import java.util.List;
import org.ganglion.core.host.HostDevice;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.testkit.DeviceConformance;
import org.ganglion.testkit.OpSpec;
import org.ganglion.testkit.OpSpecs;

/**
 * How a device bundle plugs in, from its own package: one subclass. (This one also narrows the
 * table to the unary family, which a bundle may do while it brings a device up.)
 */
class OutsidePackageConformanceTest extends DeviceConformance {
    @Override
    protected ComputeDevice device() { return new HostDevice("outside-package", DeviceKind.CPU, 0) {}; }

    @Override
    protected List<OpSpec> specs() { return OpSpecs.family("unary"); }
}
