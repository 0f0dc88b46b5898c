package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.*;

import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.Fused;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.AdamUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fused Adam step gives exactly the composite's bits, for every ε placement and both small and threaded sizes. */
class FusedAdamTest {
    static final EjmlDevice DEVICE = new EjmlDevice(2);

    @BeforeAll
    static void register() {
        DeviceRegistry.global().add(DEVICE, 1_000_000);
        DeviceRegistry.global().pin(DEVICE.id());
    }

    @AfterAll
    static void unregister() {
        DeviceRegistry.global().pin(null);
        DeviceRegistry.global().remove(DEVICE);
    }

    @org.junit.jupiter.api.Test
    void fusedAxpyEqualsCompositeBitForBit() {
        assertTrue(DEVICE.capability(org.ganglion.core.spi.Axpy.class).isPresent());
        for (int n : new int[] {1, 37, 300_000}) {
            Tensor y = Tensor.randn(RandomKey.of(n).fold(1), DType.FLOAT32, n), x = Tensor.randn(RandomKey.of(n).fold(2), DType.FLOAT32, n);
            Tensor fused = Fused.axpy(y, x, -1e-3);
            assertSame(DEVICE, fused.device());
            assertArrayEquals(y.add(x.mul(-1e-3)).toFloatArray(), fused.toFloatArray(), "n=" + n);
        }
    }

    @ParameterizedTest
    @EnumSource(AdamUpdate.Form.class)
    void fusedEqualsCompositeBitForBit(AdamUpdate.Form form) {
        assertTrue(DEVICE.capability(AdamUpdate.class).isPresent());
        for (int n : new int[] {1, 37, 300_000}) {
            RandomKey k = RandomKey.of(n);
            Tensor g = Tensor.randn(k.fold(1), DType.FLOAT32, n), m = Tensor.randn(k.fold(2), DType.FLOAT32, n).mul(0.1);
            Tensor v = Tensor.rand(k.fold(3), DType.FLOAT32, n).mul(0.01);
            double s1 = 1 - Math.pow(0.9, 7), s2 = 1 - Math.pow(0.999, 7);
            Tensor[] fused = Fused.adam(form, g, m, v, 0.9, 0.999, 1e-7, s1, s2);
            Tensor[] composite = Fused.composite(form, g, m, v, 0.9, 0.999, 1e-7, s1, s2);
            for (int i = 0; i < 3; i++) {
                assertSame(DEVICE, fused[i].device());
                assertArrayEquals(composite[i].toFloatArray(), fused[i].toFloatArray(), form + " output " + i + " n=" + n);
            }
        }
    }
}
