package org.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves the conformance suite can fail: it is launched (JUnit Platform Launcher) against devices
 * that are each wrong in one kernel, and must report failures for the ops that kernel serves and
 * for no others. The sets of allowed dependents are derived from core's and autograd's composite
 * definitions (e.g. floating ADD also serves linear's bias and logSumExp's shift); gradient checks
 * are not asserted on, since a broken primitive legitimately breaks many VJP rules.
 */
class SuiteCanFailTest {
    private static final String FORWARD = "forwardMatchesReference()", GRAD = "gradientsPassGradCheck()",
            ERRORS = "errorInputsRaiseTheDocumentedException()", EDGES = "numericalEdgeCases()", FUSED = "fusedKernelsMatchComposites()",
            RANDOM = "randomStreamsMatchReference()", BUFFERS = "buffers()";

    /** Outcomes of one launched suite: leaf display names by factory method and status. */
    static final class Report implements TestExecutionListener {
        final Map<String, Set<String>> failed = new TreeMap<>(), passed = new TreeMap<>(), aborted = new TreeMap<>();
        final List<String> brokenContainers = new ArrayList<>();
        final Map<String, String> messages = new TreeMap<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED)
                    brokenContainers.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
                return;
            }
            Map<String, Set<String>> bucket = switch (result.getStatus()) {
                case SUCCESSFUL -> passed;
                case FAILED -> failed;
                case ABORTED -> aborted;
            };
            bucket.computeIfAbsent(factory(id), k -> new TreeSet<>()).add(id.getDisplayName());
            result.getThrowable().ifPresent(t -> messages.put(id.getDisplayName(), stackOf(t)));
        }

        private static String stackOf(Throwable t) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            return w.toString();
        }

        private static String factory(TestIdentifier id) {
            return UniqueId.parse(id.getUniqueId()).getSegments().stream().filter(s -> s.getType().equals("test-factory"))
                    .map(UniqueId.Segment::getValue).findFirst().orElse("?");
        }

        Set<String> failed(String factory) { return failed.getOrDefault(factory, Set.of()); }

        Set<String> passed(String factory) { return passed.getOrDefault(factory, Set.of()); }

        /** The op names ({@code op} of {@code op[sample]}) that failed in a factory. */
        Set<String> failedOps(String factory) { return failed(factory).stream().map(SuiteCanFailTest::op).collect(Collectors.toCollection(TreeSet::new)); }

        int failures() { return failed.values().stream().mapToInt(Set::size).sum(); }

        @Override
        public String toString() { return "failed " + failed + (brokenContainers.isEmpty() ? "" : ", broken containers " + brokenContainers); }
    }

    static String op(String displayName) {
        int b = displayName.indexOf('[');
        return b < 0 ? displayName : displayName.substring(0, b);
    }

    static Report launch(Class<?> suite) {
        Report report = new Report();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(), report);
        assertTrue(report.brokenContainers.isEmpty(), () -> suite.getSimpleName() + ": containers failed: " + report.brokenContainers);
        assertFalse(report.passed(FORWARD).isEmpty(), () -> suite.getSimpleName() + " did not run the forward checks at all");
        return report;
    }

    private static void assertNoFailures(Report r, String... factories) {
        for (String f : factories)
            assertEquals(Set.of(), r.failed(f), () -> f + " should be unaffected: " + r.failed(f).stream().map(r.messages::get).toList());
    }

    private static void assertSubset(Set<String> actual, Set<String> allowed, String what) {
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(allowed);
        assertTrue(extra.isEmpty(), () -> what + ": unexpected failures for " + extra + " (allowed: " + allowed + ")");
    }

    @Test
    void anAddThatIsOffByOnePerMilleFailsAddAndItsDependentsOnly() {
        Report r = launch(BrokenDeviceSuites.BrokenAddSuite.class);
        assertTrue(r.failedOps(FORWARD).contains("add"), r::toString);
        // randint adds its lower bound: [1e6, 1e6+1) becomes 1.001e6
        assertSubset(r.failedOps(FORWARD), Set.of("add", "linear", "linearComposite", "logSumExp", "gelu", "randint"), "forward");
        assertTrue(r.failed(FORWARD).contains("add[f32 [3,1] with [1,4]]"), r::toString);
        assertTrue(r.passed(FORWARD).contains("add[i32[2,3],i32[2,3]]"), "integer ADD is not broken, so it passes");
        assertTrue(r.passed(FORWARD).contains("mul[f32 [3,1] with [1,4]]"));
        assertSubset(r.failedOps(EDGES), Set.of("add"), "edge cases");
        assertNoFailures(r, ERRORS, RANDOM, BUFFERS, FUSED);
    }

    @Test
    void aSumThatDropsTheLastElementFailsTheReductionsBuiltOnIt() {
        Report r = launch(BrokenDeviceSuites.DroppingSumSuite.class);
        assertTrue(r.failedOps(FORWARD).containsAll(Set.of("sum", "mean", "softmax", "logSoftmax", "variance")), r::toString);
        assertSubset(r.failedOps(FORWARD), Set.of("sum", "mean", "softmax", "logSoftmax", "logSumExp", "variance", "std", "norm"), "forward");
        assertTrue(r.passed(FORWARD).contains("sum[empty axis gives the identity]"), "an empty reduction has nothing to drop");
        assertTrue(r.passed(FORWARD).stream().anyMatch(n -> n.startsWith("max[")) && !r.failedOps(FORWARD).contains("max"));
        assertFalse(r.failedOps(EDGES).isEmpty(), r::toString);
        assertSubset(r.failedOps(EDGES), Set.of("softmax", "logSoftmax", "sum"), "edge cases");
        assertNoFailures(r, ERRORS, RANDOM, BUFFERS, FUSED);
    }

    @Test
    void aRandomStreamFromAnotherKeyFailsEveryDrawAndNothingElse() {
        Report r = launch(BrokenDeviceSuites.OtherRandomSuite.class);
        assertEquals(Set.of("rand", "randn", "bernoulli", "randint"), r.failedOps(FORWARD), r::toString);
        assertEquals(Set.of(), r.passed(RANDOM), "every direct draw differs from the reference stream");
        assertFalse(r.failed(RANDOM).isEmpty());
        assertTrue(r.passed(FORWARD).contains("rand[seed=7 dtype=FLOAT32 shape=[0]]"), "an empty draw cannot differ");
        assertNoFailures(r, ERRORS, EDGES, BUFFERS, FUSED);
    }

    @Test
    void aFusedEpilogueThatAddsTheBiasLateFailsTheFusedChecks() {
        Report r = launch(BrokenDeviceSuites.BrokenGemmSuite.class);
        Set<String> fused = r.failed(FUSED);
        Predicate<String> mayFail = n -> !n.contains(" NONE ") && !n.endsWith("NO_BIAS]");
        assertTrue(fused.stream().allMatch(mayFail), () -> "only activations with a bias may differ: " + fused);
        for (String act : List.of("RELU", "SIGMOID", "TANH"))
            assertTrue(fused.stream().anyMatch(n -> n.contains(" " + act + " ")), () -> act + " should fail: " + fused);
        assertTrue(r.passed(FUSED).stream().anyMatch(n -> n.contains(" NONE ")), "NONE is unaffected");
        assertEquals(Set.of("linear"), r.failedOps(FORWARD), "the fused path only; linearComposite never uses it");
        assertNoFailures(r, ERRORS, EDGES, RANDOM, BUFFERS);
    }

    @Test
    void aKernelThatWritesIntoItsInputFailsThatOpOnly() {
        Report r = launch(BrokenDeviceSuites.ScribblingSuite.class);
        // logSoftmax reads z again after exp(z) scribbled on it; every other composite exponentiates a temporary
        assertEquals(Set.of("exp", "logSoftmax"), r.failedOps(FORWARD), r::toString);
        assertTrue(r.failed(FORWARD).stream().filter(n -> n.startsWith("exp[")).map(r.messages::get)
                .allMatch(m -> m.contains("input 0 after the op")), r::toString);
        assertSubset(r.failedOps(EDGES), Set.of("logSoftmax"), "edge cases");
        assertNoFailures(r, ERRORS, RANDOM, BUFFERS, FUSED);
    }

    @Test
    void aTensorKeptAliveIsReportedAsALeak() {
        Report r = launch(BrokenDeviceSuites.LeakySuite.class);
        assertEquals(Set.of("buffer[no leak after the op table]"), r.failed(BUFFERS), r::toString);
        assertEquals(1, r.failures(), r::toString);
    }

    @Test
    void aGatherThatClampsIndicesFailsTheErrorInputsOnly() {
        Report r = launch(BrokenDeviceSuites.LaxIndexSuite.class);
        assertEquals(Set.of("gather[index too large]", "gather[negative index]"), r.failed(ERRORS), r::toString);
        assertNoFailures(r, FORWARD, EDGES, RANDOM, BUFFERS, FUSED);
    }
}
