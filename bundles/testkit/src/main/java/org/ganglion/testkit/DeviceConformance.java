package org.ganglion.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.spi.ComputeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite every {@link ComputeDevice} must pass, as a JUnit 5 base class. A device
 * bundle adds one test class:
 *
 * <pre>{@code
 * class EjmlConformanceTest extends DeviceConformance {
 *     protected ComputeDevice device() { return new EjmlDevice(); }
 * }
 * }</pre>
 *
 * The device is added to {@link DeviceRegistry#global()} for the class (ranking {@link #ranking()},
 * with the reference device pinned in between checks) and removed afterwards, restoring any earlier
 * pin. Each check pins the device under test, runs, pins the reference device, runs again, and
 * compares. Tests are dynamic, named {@code op[sample]}:
 * <ol type="a">
 *   <li>{@link #forwardMatchesReference}: every {@link OpSpecs} sample, within the spec's tolerance
 *       (exact for integer and bool results and for data movement), with the inputs left unmodified;</li>
 *   <li>{@link #gradientsPassGradCheck}: the float64 gradient check of every differentiable op, on
 *       the device (skipped, with the reason, when the device lacks float64); and
 *       {@link #variableForwardMatchesTensorForward}: the autograd variant of each op computes the
 *       same values as the tensor variant;</li>
 *   <li>{@link #errorInputsRaiseTheDocumentedException}: exception type and message fragment;</li>
 *   <li>{@link #numericalEdgeCases}: ±1e4 logits, all -inf rows, NaN/inf propagation, overflow;</li>
 *   <li>{@link #fusedKernelsMatchComposites}: a {@code GemmEpilogue} capability against
 *       {@code Tensor.linearComposite} (skipped when the device has none);</li>
 *   <li>{@link #randomStreamsMatchReference}: Philox draws equal to the reference device's;</li>
 *   <li>{@link #buffers}: round trips for every dtype, moves between devices, and no leaked buffers.</li>
 * </ol>
 * Samples the device cannot hold (a dtype it does not {@link ComputeDevice#supports support}) and
 * samples excluded for a known bug ({@link Sample#knownIssue}) are reported as skipped, with the
 * reason. Override {@link #specs()} to run a subset while bringing a device up. Tests of one class run
 * sequentially (they pin the process-wide registry); do not run conformance classes in parallel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeviceConformance {
    private DeviceSession session;

    /** The device under test: a fresh instance, not registered anywhere yet. Its id must differ from {@code reference}. */
    protected abstract ComputeDevice device();

    /** The ranking it is registered with (high, so nothing else outranks it while it is unpinned). */
    protected int ranking() { return 1_000_000; }

    /** The op table to check; all of {@link OpSpecs#all()} unless a subclass narrows it. */
    protected List<OpSpec> specs() { return OpSpecs.all(); }

    @BeforeAll
    final void registerDeviceUnderTest() { session = new DeviceSession(device(), ranking()); }

    @AfterAll
    final void restoreRegistry() {
        if (session != null) session.close();
        session = null;
    }

    @TestFactory
    @DisplayName("(a) forward equals the reference device")
    Stream<DynamicNode> forwardMatchesReference() { return TableChecks.forward(session, specs()); }

    @TestFactory
    @DisplayName("(b) float64 gradient check on the device")
    Stream<DynamicNode> gradientsPassGradCheck() { return TableChecks.gradients(session, specs()); }

    @TestFactory
    @DisplayName("(b) Variable forward equals Tensor forward")
    Stream<DynamicNode> variableForwardMatchesTensorForward() { return TableChecks.variants(session, specs()); }

    @TestFactory
    @DisplayName("(c) error inputs raise the documented exception")
    Stream<DynamicNode> errorInputsRaiseTheDocumentedException() { return TableChecks.errors(session, specs()); }

    @TestFactory
    @DisplayName("(d) numerical edge cases")
    Stream<DynamicNode> numericalEdgeCases() { return EdgeCaseChecks.all(session); }

    @TestFactory
    @DisplayName("(e) fused kernels equal their composites")
    Stream<DynamicNode> fusedKernelsMatchComposites() { return DeviceChecks.fused(session); }

    @TestFactory
    @DisplayName("(f) random streams equal the reference device's")
    Stream<DynamicNode> randomStreamsMatchReference() { return DeviceChecks.random(session); }

    @TestFactory
    @DisplayName("(g) buffers: round trips, moves, no leaks")
    Stream<DynamicNode> buffers() {
        return Stream.of(DeviceChecks.buffers(session), DeviceChecks.evacuation(session), DeviceChecks.leaks(session, specs()))
                .flatMap(s -> s);
    }
}
