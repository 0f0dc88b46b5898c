package org.ganglion.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ganglion.core.host.HostDevice;
import org.ganglion.core.spi.DeviceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Migration of live storage between two in-process devices through the global registry. */
class DeviceRegistryTest {
    /** A second heap device, distinct from the reference device. */
    static final class OtherDevice extends HostDevice {
        OtherDevice(String id) { super(id, DeviceKind.CPU, 0); }
    }

    private final DeviceRegistry registry = DeviceRegistry.global();
    private final OtherDevice other = new OtherDevice("other");

    @AfterEach
    void cleanUp() {
        registry.pin(null);
        if (registry.devices().contains(other)) registry.remove(other);
    }

    @Test
    void aHigherRankedDeviceTakesOverAndStorageMoves() {
        Tensor t = Tensor.of(new float[] {1, 2, 3});
        Tensor view = t.reshape(3, 1);
        assertSame(registry.reference(), t.device());
        long swaps = registry.swaps();
        registry.add(other, 10);
        assertSame(other, registry.active());
        assertSame(other, t.device(), "live storage is evacuated eagerly");
        assertSame(other, view.device());
        assertEquals(swaps + 1, registry.swaps());
        assertArrayEquals(new float[] {2, 4, 6}, t.add(t).toFloatArray());
        registry.remove(other);
        assertSame(registry.reference(), t.device());
        assertEquals(0, registry.liveBuffers(other), "nothing left on a removed device");
        assertArrayEquals(new float[] {1, 2, 3}, view.reshape(-1).toFloatArray());
    }

    @Test
    void pinningOverridesRankingAndFallsBackWhenThePinnedDeviceIsMissing() {
        registry.add(other, -1000);
        assertSame(registry.reference(), registry.active());
        Tensor t = Tensor.ones(4);
        registry.pin("other");
        assertSame(other, registry.active());
        assertSame(other, t.device());
        registry.pin("nonexistent");
        assertSame(registry.reference(), registry.active());
        assertEquals(4.0, t.sum().item());
    }

    @Test
    void anOperationMovesAStrayInputAndCountsTheCopy() throws Exception {
        registry.add(other, 10);
        Tensor a = Tensor.ones(3);
        // Place a buffer on the reference device behind the registry's back, as a device error might.
        Tensor stray = new Tensor(new Storage(registry, registry.reference().allocate(DType.FLOAT32, 3)), DType.FLOAT32, new int[] {3}, new int[] {1}, 0);
        registry.reference().fill(stray.storage.cell.buffer(), 2);
        long copies = registry.crossDeviceCopies();
        assertArrayEquals(new float[] {3, 3, 3}, a.add(stray).toFloatArray());
        assertEquals(copies + 1, registry.crossDeviceCopies());
        assertSame(other, stray.device());
    }

    @Test
    void closingFreesTheBufferAndTheCleanerFreesDroppedTensors() throws Exception {
        registry.add(other, 10);
        int before = registry.liveBuffers(other);
        Tensor t = Tensor.zeros(1000);
        assertEquals(before + 1, registry.liveBuffers(other));
        t.close();
        assertEquals(before, registry.liveBuffers(other));
        for (int i = 0; i < 100; i++) Tensor.zeros(1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.liveBuffers(other) > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(registry.liveBuffers(other) <= before, "the Cleaner frees buffers of unreachable tensors");
    }

    @Test
    void aSwapWaitsForTheRunningStep() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread trainer = new Thread(() -> registry.step(() -> {
            inStep.countDown();
            try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            return null;
        }));
        trainer.start();
        inStep.await();
        Thread swapper = new Thread(() -> registry.add(other, 10));
        swapper.start();
        swapper.join(200);
        assertTrue(swapper.isAlive(), "the swap must wait while a step runs");
        assertSame(registry.reference(), registry.active());
        release.countDown();
        swapper.join(5000);
        trainer.join(5000);
        assertSame(other, registry.active());
    }

    @Test
    void swapsSurviveStorageFreedWhileTheyEvacuate() throws Exception {
        registry.add(other, -1000);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread churn = new Thread(() -> {
            try {
                while (!stop.get()) Tensor.zeros(64).close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        churn.start();
        try {
            for (int i = 0; i < 2000; i++) registry.pin(i % 2 == 0 ? "other" : null);
        } finally {
            stop.set(true);
            churn.join();
        }
        assertNull(failure.get(), () -> "tensor thread failed: " + failure.get());
    }

    @Test
    void aSwapFromInsideAStepIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> registry.step(() -> { registry.add(other, 10); return null; }));
        assertTrue(e.getMessage().contains("inside a step"));
    }

    @Test
    void aSwapGivesUpAfterTheTimeout() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread trainer = new Thread(() -> registry.step(() -> {
            inStep.countDown();
            try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            return null;
        }));
        trainer.start();
        inStep.await();
        registry.swapTimeout(100);
        try {
            assertThrows(DeviceUnavailableException.class, () -> registry.add(other, 10));
        } finally {
            registry.swapTimeout(60_000);
            release.countDown();
            trainer.join();
        }
    }
}
