package org.ganglion.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.ganglion.core.reference.ReferenceDevice;
import org.ganglion.core.spi.ComputeDevice;

/**
 * Tracks compute devices, decides which one is active, and moves live tensor storage between them.
 *
 * <p><b>Active device.</b> A pinned device ({@link #pin}) if it is present, else the one with the
 * highest ranking. The reference device is always present (ranking -100), so there is always one.
 *
 * <p><b>Swaps.</b> Every tensor operation runs under the read side of the step lock; a training
 * step may hold it for a whole step ({@link #step}). Adding, removing or pinning a device takes the
 * write side, so it lands between operations (between steps for a training loop): every live storage
 * on a device that is no longer active is copied to the new active device through host memory, and
 * the old buffers are freed. {@link #remove} evacuates the leaving device while it still works, which
 * is what an OSGi unbind must call before the device deactivates.
 *
 * <p><b>Buffer lifetime.</b> Storage is freed by {@link Tensor#close()} or, for tensors simply
 * dropped, by the garbage collector (heap buffers) or a {@link java.lang.ref.Cleaner} (other
 * memory); the registry tracks storage weakly, so it never keeps a dead tensor's memory alive.
 * {@link #liveBuffers} counts what is still allocated per device.
 *
 * <p>Thread-safe. One process-wide instance ({@link #global()}) is what tensors use; in an OSGi
 * framework core's {@code DeviceTracker} component feeds it the {@code ComputeDevice} services, on a
 * plain classpath {@link ServiceLoader} does.
 */
public final class DeviceRegistry {
    private static final System.Logger LOG = System.getLogger(DeviceRegistry.class.getName());
    private static volatile DeviceRegistry global;

    private final ReentrantReadWriteLock stepLock = new ReentrantReadWriteLock(true);
    private final List<Entry> devices = new ArrayList<>();
    private final Set<CellRef> cells = ConcurrentHashMap.newKeySet();
    private final java.lang.ref.ReferenceQueue<Storage.Cell> collected = new java.lang.ref.ReferenceQueue<>();
    private final AtomicLong crossDeviceCopies = new AtomicLong();
    private final AtomicLong swaps = new AtomicLong();
    private final ComputeDevice reference = new ReferenceDevice();
    private volatile ComputeDevice active;
    private volatile String pinned;
    private volatile long swapTimeoutMillis = 60_000;

    private record Entry(ComputeDevice device, int ranking) {}

    /** A registry holding only the reference device. */
    public DeviceRegistry() {
        devices.add(new Entry(reference, reference.ranking()));
        active = reference;
    }

    /** The process-wide registry; on first use it adds the devices {@link ServiceLoader} finds. */
    public static DeviceRegistry global() {
        DeviceRegistry r = global;
        if (r == null) {
            synchronized (DeviceRegistry.class) {
                if (global == null) {
                    DeviceRegistry fresh = new DeviceRegistry();
                    fresh.addServiceLoaderDevices();
                    global = fresh;
                }
                r = global;
            }
        }
        return r;
    }

    private void addServiceLoaderDevices() {
        String disabled = System.getProperty("ganglion.devices.disable", "");
        for (ServiceLoader.Provider<ComputeDevice> p : ServiceLoader.load(ComputeDevice.class, DeviceRegistry.class.getClassLoader())
                .stream().toList()) {
            try {
                ComputeDevice d = p.get();
                if (List.of(disabled.split(",")).contains(d.id())) continue;
                add(d, d.ranking());
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "device " + p.type().getName() + " unavailable, skipped: " + t);
            }
        }
    }

    // ---- devices -------------------------------------------------------------------------

    /**
     * Adds a device; if it becomes the active one, live storage moves to it. Two devices may share
     * an id (a new revision of a bundle can register before the old one leaves); {@link #find} then
     * returns the higher ranking one.
     */
    public void add(ComputeDevice device, int ranking) {
        underWriteLock("add " + device.id(), () -> {
            synchronized (devices) {
                devices.removeIf(e -> e.device == device);
                devices.add(new Entry(device, ranking));
            }
            reselect();
            return null;
        });
    }

    /** Removes a device, first moving every storage it holds to the next active device. */
    public void remove(ComputeDevice device) {
        if (device == reference) throw new IllegalArgumentException("the reference device cannot be removed");
        underWriteLock("remove " + device.id(), () -> {
            synchronized (devices) {
                if (!devices.removeIf(e -> e.device == device)) return null;
            }
            reselect();
            evacuate(device, active);
            return null;
        });
    }

    /** Pins the active device by id ({@code null} unpins); a missing pinned device falls back to ranking. */
    public void pin(String deviceId) {
        underWriteLock("pin " + deviceId, () -> {
            pinned = deviceId;
            reselect();
            return null;
        });
    }

    public Optional<String> pinned() { return Optional.ofNullable(pinned); }

    /** The device new tensors and operations use. */
    public ComputeDevice active() { return active; }

    /** The always-present reference device. */
    public ComputeDevice reference() { return reference; }

    /** Registered devices, highest ranking first. */
    public List<ComputeDevice> devices() {
        synchronized (devices) {
            return devices.stream().sorted(Comparator.comparingInt((Entry e) -> -e.ranking)).map(Entry::device).toList();
        }
    }

    public Optional<ComputeDevice> find(String id) {
        synchronized (devices) {
            return devices.stream().filter(e -> e.device.id().equals(id))
                    .max(Comparator.comparingInt(Entry::ranking)).map(Entry::device);
        }
    }

    private void reselect() {
        ComputeDevice next;
        synchronized (devices) {
            next = pinned == null ? null : find(pinned).orElse(null);
            if (next == null)
                next = devices.stream().max(Comparator.comparingInt(Entry::ranking)).map(Entry::device).orElse(reference);
        }
        ComputeDevice previous = active;
        if (next == previous) return;
        if (pinned != null && !next.id().equals(pinned))
            LOG.log(System.Logger.Level.INFO, "pinned device '" + pinned + "' is not registered; using " + next.id());
        active = next;
        swaps.incrementAndGet();
        evacuate(previous, next);
    }

    private void evacuate(ComputeDevice from, ComputeDevice to) {
        for (CellRef r : cells) {
            Storage.Cell c = r.get();
            if (c != null) c.moveIfOn(from, to);
        }
    }

    // ---- step lock -----------------------------------------------------------------------

    /**
     * Runs {@code work} under the read side of the step lock, so no device swap interleaves with it.
     * Reentrant; tensor operations call it themselves, a training loop wraps whole steps.
     */
    public <T> T step(Supplier<T> work) {
        stepLock.readLock().lock();
        try {
            return work.get();
        } finally {
            stepLock.readLock().unlock();
        }
    }

    /** Sets how long a swap waits for a running step to finish before failing. */
    public void swapTimeout(long millis) { swapTimeoutMillis = millis; }

    private <T> T underWriteLock(String what, Supplier<T> work) {
        if (stepLock.getReadHoldCount() > 0)
            throw new IllegalStateException("cannot " + what + " from inside a step: the swap would wait for itself");
        try {
            if (!stepLock.writeLock().tryLock(swapTimeoutMillis, TimeUnit.MILLISECONDS))
                throw new DeviceUnavailableException("cannot " + what + ": a step did not finish within " + swapTimeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceUnavailableException("interrupted while waiting to " + what, e);
        }
        try {
            return work.get();
        } finally {
            stepLock.writeLock().unlock();
        }
    }

    // ---- storage tracking ----------------------------------------------------------------

    /** A weak entry: a cell no tensor can reach any more drops out when the collector clears it. */
    static final class CellRef extends java.lang.ref.WeakReference<Storage.Cell> {
        CellRef(Storage.Cell cell, java.lang.ref.ReferenceQueue<Storage.Cell> queue) { super(cell, queue); }
    }

    void track(Storage.Cell cell) {
        for (java.lang.ref.Reference<?> r; (r = collected.poll()) != null; ) cells.remove(r);
        cell.ref = new CellRef(cell, collected);
        cells.add(cell.ref);
    }

    void untrack(Storage.Cell cell) { if (cell.ref != null) cells.remove(cell.ref); }

    void countCrossDeviceCopy() { crossDeviceCopies.incrementAndGet(); }

    /** Live (allocated, not yet freed) tensor buffers on {@code device}. */
    public int liveBuffers(ComputeDevice device) {
        int n = 0;
        for (CellRef r : cells) {
            Storage.Cell c = r.get();
            if (c != null && c.device() == device) n++;
        }
        return n;
    }

    /** How many times an operation found an input on another device and moved it. */
    public long crossDeviceCopies() { return crossDeviceCopies.get(); }

    /** How many times the active device changed. */
    public long swaps() { return swaps.get(); }
}
