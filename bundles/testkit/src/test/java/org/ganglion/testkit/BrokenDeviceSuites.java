package org.ganglion.testkit;

import static org.ganglion.testkit.TensorSource.f32;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.ComputeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The conformance suite bound to each deliberately broken device. These classes are meant to fail;
 * only {@link SuiteCanFailTest} launches them (surefire skips them by name and by tag).
 */
final class BrokenDeviceSuites {
    private BrokenDeviceSuites() {}

    static final String TAG = "deliberately-broken";

    @Tag(TAG)
    static class BrokenAddSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.BrokenAddDevice(); }
    }

    @Tag(TAG)
    static class DroppingSumSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.DroppingSumDevice(); }
    }

    @Tag(TAG)
    static class OtherRandomSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.OtherRandomDevice(); }
    }

    @Tag(TAG)
    static class BrokenGemmSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.BrokenGemmDevice(); }
    }

    @Tag(TAG)
    static class ScribblingSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.ScribblingDevice(); }
    }

    @Tag(TAG)
    static class LaxIndexSuite extends DeviceConformance {
        @Override protected ComputeDevice device() { return new TestDevices.LaxIndexDevice(); }
    }

    /** A correct device, but an op whose forward keeps an extra tensor alive: the leak check must notice. */
    @Tag(TAG)
    static class LeakySuite extends DeviceConformance {
        private final List<Tensor> kept = new ArrayList<>();

        @Override protected ComputeDevice device() { return TestDevices.hostCopy(); }

        @Override
        protected List<OpSpec> specs() {
            return List.of(OpSpec.builder("leakyAdd", "binary").tolerance(Tolerance.ELEMENTWISE)
                    .forward((in, a) -> {
                        kept.add(in[0].add(1.0));
                        return in[0].add(in[1]);
                    })
                    .sample(f32(2, 3), f32(3))
                    .build());
        }

        @AfterAll
        void release() {
            kept.forEach(Tensor::close);
            kept.clear();
        }
    }
}
