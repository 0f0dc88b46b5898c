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

    /**
     * {@link DeviceRegistry#pin}, retried when it trips over a storage the Cleaner freed while the
     * registry was evacuating it. Workaround for a core race (DeviceRegistry.evacuate checks a
     * cell's device, then Storage.Cell.moveTo finds the buffer already released and throws
     * IllegalStateException "tensor storage was freed"): the failed pin has already switched the
     * active device but left some storage behind, so pin elsewhere and back to finish the move.
     */
    private void pin(String id) {
        for (int attempt = 1; ; attempt++) {
            String before = registry.active().id();
            try {
                registry.pin(id);
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 10 || !String.valueOf(e.getMessage()).contains("storage was freed")) throw e;
                try {
                    registry.pin(before.equals(id) ? reference.id() : before);
                } catch (IllegalStateException again) {
                    // the same race; the loop pins the target once more
                }
            }
        }
    }

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
        for (int attempt = 1; ; attempt++) {
            try {
                registry.remove(device);
                break;
            } catch (IllegalStateException e) { // the evacuation race of pin(), see there: add it back and evacuate again
                if (attempt >= 10 || !String.valueOf(e.getMessage()).contains("storage was freed")) throw e;
                registry.add(device, ranking);
            }
        }
        pin(previousPin.orElse(null));
    }
}
