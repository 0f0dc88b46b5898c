package org.ganglion.core;

import java.lang.ref.Cleaner;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;

/**
 * The memory behind one or more tensors (views share it). The buffer lives in a {@link Cell} so a
 * {@link DeviceRegistry} can move it to another device without the tensors noticing, and so the
 * {@link Cleaner} that frees it when the last tensor becomes unreachable holds no reference to the
 * storage itself.
 */
final class Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    final Cell cell;

    Storage(DeviceRegistry registry, DeviceBuffer buffer) {
        this.cell = new Cell(registry, buffer);
        registry.track(cell);
        CLEANER.register(this, cell::release);
    }

    /** The buffer on the registry's active device, moving it there first if it lives elsewhere. */
    DeviceBuffer bufferOn(ComputeDevice device) {
        return cell.bufferOn(device);
    }

    /** A buffer slot that devices come and go under. Locking: the cell's monitor guards {@code buffer}. */
    static final class Cell {
        private final DeviceRegistry registry;
        private DeviceBuffer buffer;

        Cell(DeviceRegistry registry, DeviceBuffer buffer) {
            this.registry = registry;
            this.buffer = buffer;
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
