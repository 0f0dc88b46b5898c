package org.ganglion.core;

import java.lang.ref.Cleaner;
import org.ganglion.core.host.HostBuffer;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;

/**
 * The memory behind one or more tensors (views share it). The buffer lives in a {@link Cell} so a
 * {@link DeviceRegistry} can move it to another device without the tensors noticing.
 *
 * <p>Freeing: heap buffers ({@link HostBuffer}) are plain Java arrays that the garbage collector
 * reclaims together with the storage, in the same cycle (the registry tracks cells only weakly).
 * Buffers in other memory (an OpenCL device) are freed by a {@link Cleaner} once the storage is
 * unreachable; it is registered when the cell first holds such a buffer, and holds the cell, never
 * the storage.
 */
final class Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    final Cell cell;

    Storage(DeviceRegistry registry, DeviceBuffer buffer) {
        this.cell = new Cell(registry, buffer, this);
        registry.track(cell);
    }

    /** The buffer on the registry's active device, moving it there first if it lives elsewhere. */
    DeviceBuffer bufferOn(ComputeDevice device) {
        return cell.bufferOn(device);
    }

    /** A buffer slot that devices come and go under. Locking: the cell's monitor guards {@code buffer}. */
    static final class Cell {
        private final DeviceRegistry registry;
        private final java.lang.ref.WeakReference<Storage> owner;
        private DeviceBuffer buffer;
        private boolean cleanerRegistered;
        /** This cell's entry in the registry's weak set. */
        DeviceRegistry.CellRef ref;

        Cell(DeviceRegistry registry, DeviceBuffer buffer, Storage owner) {
            this.registry = registry;
            this.owner = new java.lang.ref.WeakReference<>(owner);
            this.buffer = buffer;
            ensureCleaner();
        }

        /** Registers the Cleaner the first time this cell holds memory the garbage collector cannot free. */
        private void ensureCleaner() {
            if (cleanerRegistered || buffer == null || buffer instanceof HostBuffer) return;
            Storage s = owner.get();
            if (s == null) return;
            CLEANER.register(s, this::release);
            cleanerRegistered = true;
        }

        synchronized DeviceBuffer buffer() {
            if (buffer == null) throw new IllegalStateException("tensor storage was freed (Tensor.close) and cannot be used");
            return buffer;
        }

        synchronized ComputeDevice device() {
            return buffer == null ? null : buffer.device();
        }

        synchronized DeviceBuffer bufferOn(ComputeDevice device) {
            DeviceBuffer b = buffer();
            if (b.device() != device) {
                moveTo(device);
                registry.countCrossDeviceCopy();
            }
            return buffer;
        }

        /** Copies the data to {@code target} through host memory, then frees the old buffer. */
        synchronized void moveTo(ComputeDevice target) {
            DeviceBuffer old = buffer;
            if (old == null || old.device() == target) return; // freed meanwhile, or already there
            DeviceBuffer fresh = target.allocate(old.dtype(), old.size());
            try {
                target.upload(fresh, old.device().download(old));
            } catch (RuntimeException e) {
                target.free(fresh);
                throw e;
            }
            buffer = fresh;
            old.device().free(old);
            ensureCleaner();
        }

        /** Moves the data to {@code target} if it still lives on {@code from}; a cell freed meanwhile is left alone. */
        synchronized void moveIfOn(ComputeDevice from, ComputeDevice target) {
            if (buffer != null && buffer.device() == from) moveTo(target);
        }

        /** Frees the buffer; later use fails with a clear message. Idempotent. */
        void release() {
            DeviceBuffer b;
            synchronized (this) {
                b = buffer;
                buffer = null;
            }
            if (b != null) {
                registry.untrack(this);
                b.device().free(b);
            }
        }
    }
}
