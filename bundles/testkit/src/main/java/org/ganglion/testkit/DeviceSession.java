package org.ganglion.testkit;

import java.util.Optional;
import java.util.function.Supplier;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.spi.ComputeDevice;

/**
 * The device under test registered in the global {@link DeviceRegistry} for the length of a
 * conformance run. {@link #onDevice} and {@link #onReference} pin one of the two, run some work,
 * and pin the reference again, so that between checks (and for any other test in the JVM) the
 * reference device stays active. {@link #close()} restores the registry as it was found.
 */
final class DeviceSession implements AutoCloseable {
    private final DeviceRegistry registry;
    private final ComputeDevice device;
    private final ComputeDevice reference;
    private final Optional<String> previousPin;
    private final int ranking;

    DeviceSession(ComputeDevice device, int ranking) {
        this.registry = DeviceRegistry.global();
        this.device = device;
        this.reference = registry.reference();
        if (device.id().equals(reference.id()))
            throw new IllegalArgumentException("the device under test has the reference device's id '" + device.id()
                    + "'; give it an id of its own so that the two can be pinned separately");
        this.previousPin = registry.pinned();
        this.ranking = ranking;
        // pin first, so adding a high-ranking device does not move every live tensor onto it
        pin(reference.id());
        registry.add(device, ranking);
    }

    private void pin(String id) { registry.pin(id); }

    DeviceRegistry registry() { return registry; }

    ComputeDevice device() { return device; }

    ComputeDevice reference() { return reference; }

    <T> T onDevice(Supplier<T> work) { return on(device, work); }

    <T> T onReference(Supplier<T> work) { return on(reference, work); }

    void onDevice(Runnable work) { on(device, () -> { work.run(); return null; }); }

    private <T> T on(ComputeDevice d, Supplier<T> work) {
        pin(d.id());
        try {
            if (registry.active() != d)
                throw new IllegalStateException("pinning '" + d.id() + "' made " + registry.active() + " active: is another device "
                        + "registered under the same id with a higher ranking?");
            return work.get();
        } finally {
            pin(reference.id());
        }
    }

    /** Unpins (or restores an earlier pin) and removes the device under test, evacuating what it still holds. */
    @Override
    public void close() {
        pin(reference.id());
        registry.remove(device);
        pin(previousPin.orElse(null));
    }
}
