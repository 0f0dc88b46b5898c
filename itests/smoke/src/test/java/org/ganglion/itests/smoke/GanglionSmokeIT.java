package org.ganglion.itests.smoke;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.data.TensorDataset;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Seeding;
import org.ganglion.train.FitOptions;
import org.ganglion.train.History;
import org.ganglion.train.Trainer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Smoke test of the Ganglion bundles inside a real Felix 7.0.5 + SCR 2.2.18 + ConfigAdmin runtime.
 * One framework for the class (PerClass); JUnit 4 method order is not source order, so every test
 * leaves the framework as it found it (the backend bundle is restarted in a finally block).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GanglionSmokeIT {

    static final String[] GANGLION_BUNDLES = {
        "org.ganglion.core", "org.ganglion.autograd", "org.ganglion.graph", "org.ganglion.nn",
        "org.ganglion.optim", "org.ganglion.data", "org.ganglion.train", "org.ganglion.backend.ejml",
    };

    @Inject BundleContext ctx;
    @Inject ServiceComponentRuntime scr;

    private static Option reactorBundle(String bsn) {
        return bundle(new File(System.getProperty("it.bundles", "target/bundles"), bsn + ".jar").toURI().toString());
    }

    @Configuration
    public Option[] config() {
        List<Option> o = new ArrayList<>(List.of(
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            // ConfigAdmin BEFORE SCR: SCR's import of org.osgi.service.cm is optional, wired only at resolve time
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject()));
        for (String bsn : GANGLION_BUNDLES) o.add(reactorBundle(bsn));
        o.addAll(List.of(
            junitBundles(),
            // The CPU device's kernels use the incubating Vector API: export it from the system bundle (the JVM
            // itself runs with --add-modules jdk.incubator.vector, see the failsafe argLine). systemPackage(...) is
            // the native container's way to add to org.osgi.framework.system.packages.extra: it merges with the
            // org.ops4j.pax.exam.* packages the container exports for the probe. A
            // frameworkProperty("org.osgi.framework.system.packages.extra") would REPLACE that list and the probe
            // never resolves ("gave up waiting for service org.ops4j.pax.exam.ProbeInvoker").
            systemPackage("jdk.incubator.vector"),
            systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            workingDirectory("target/paxexam"),
            cleanCaches(true)));
        return o.toArray(new Option[0]);
    }

    // ---------------------------------------------------------------- helpers

    private Bundle installed(String bsn) {
        for (Bundle b : ctx.getBundles()) if (bsn.equals(b.getSymbolicName())) return b;
        throw new AssertionError("bundle not installed: " + bsn);
    }

    private static String state(int s) {
        switch (s) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "?" + s;
        }
    }

    private static String componentState(int s) {
        switch (s) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED: return "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE: return "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            default: return "?" + s;
        }
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static String activeId() { return DeviceRegistry.global().active().id(); }

    // ---------------------------------------------------------------- 1. bundles + components

    @Test
    public void allGanglionBundlesActiveAndComponentsHealthy() {
        List<String> problems = new ArrayList<>();
        for (String bsn : GANGLION_BUNDLES) {
            Bundle b = installed(bsn);
            if (b.getState() != Bundle.ACTIVE) problems.add(bsn + " is " + state(b.getState()));
        }
        Map<String, String> seen = new TreeMap<>();
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs();
        for (ComponentDescriptionDTO d : descriptions) {
            if (!d.bundle.symbolicName.startsWith("org.ganglion")) continue;
            if (!scr.isComponentEnabled(d)) { seen.put(d.name, "DISABLED"); continue; }
            Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) problems.add(d.bundle.symbolicName + "/" + d.name + " has no configuration");
            for (ComponentConfigurationDTO c : configs) {
                seen.put(d.name, componentState(c.state));
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    StringBuilder why = new StringBuilder(d.bundle.symbolicName + "/" + d.name + " is " + componentState(c.state));
                    if (c.failure != null) why.append(": ").append(c.failure);
                    for (var u : c.unsatisfiedReferences) why.append(" unsatisfied ref ").append(u.name).append(' ').append(u.target);
                    problems.add(why.toString());
                }
            }
        }
        Map<String, Integer> byState = new TreeMap<>();
        for (String st : seen.values()) byState.merge(st, 1, Integer::sum);
        System.out.println("[smoke] " + seen.size() + " ganglion components " + byState + "; DeviceTracker="
            + seen.get("org.ganglion.core.internal.DeviceTracker") + ", ComponentWhiteboard="
            + seen.get("org.ganglion.graph.internal.ComponentWhiteboard") + ", EjmlDevice=" + seen.get("org.ganglion.backend.ejml.EjmlDevice"));
        assertTrue("expected the DeviceTracker component", seen.containsKey("org.ganglion.core.internal.DeviceTracker"));
        assertTrue("expected the ComponentWhiteboard component", seen.containsKey("org.ganglion.graph.internal.ComponentWhiteboard"));
        assertTrue("expected the EjmlDevice component", seen.containsKey("org.ganglion.backend.ejml.EjmlDevice"));
        assertTrue("problems: " + problems, problems.isEmpty());
    }

    // ---------------------------------------------------------------- 2. CPU device

    @Test
    public void cpuDeviceRegisteredAndActive() throws Exception {
        Collection<ServiceReference<ComputeDevice>> refs = ctx.getServiceReferences(ComputeDevice.class, "(ganglion.device.id=cpu)");
        assertEquals("ComputeDevice services with ganglion.device.id=cpu", 1, refs.size());
        await("cpu to become the active device", () -> "cpu".equals(activeId()));

        // the Vector API: exported by the system bundle and wired to the backend bundle?
        Bundle ejml = installed("org.ganglion.backend.ejml");
        boolean vectorWired = false;
        for (BundleWire w : ejml.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package"))
            if ("jdk.incubator.vector".equals(w.getCapability().getAttributes().get("osgi.wiring.package"))) vectorWired = true;
        ComputeDevice dev = DeviceRegistry.global().active();
        String kernel = "?";
        try {
            kernel = String.valueOf(dev.getClass().getMethod("gemmKernel").invoke(dev));
        } catch (ReflectiveOperationException e) {
            kernel = "n/a (" + e + ")";
        }
        System.out.println("[smoke] active device " + dev.id() + " (" + dev.getClass().getName() + "), jdk.incubator.vector wired="
            + vectorWired + ", gemm kernel=" + kernel);
        assertTrue("jdk.incubator.vector is not wired to org.ganglion.backend.ejml (system bundle export missing?)", vectorWired);

        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
        Tensor c = a.matmul(b);
        assertEquals("cpu", c.device().id());
        assertArrayEquals(new float[] {58, 64, 139, 154}, c.toFloatArray(), 1e-5f);
        // a bigger one, against a scalar triple loop
        int n = 67;
        Tensor x = Tensor.randn(RandomKey.of(3), DType.FLOAT32, n, n), y = Tensor.randn(RandomKey.of(4), DType.FLOAT32, n, n);
        float[] xs = x.toFloatArray(), ys = y.toFloatArray(), got = x.matmul(y).toFloatArray();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += xs[i * n + k] * ys[k * n + j];
            assertEquals("matmul[" + i + "," + j + "]", s, got[i * n + j], 1e-3);
        }
    }

    // ---------------------------------------------------------------- 3. whiteboard

    @Test
    public void componentRegistryFedByWhiteboard() {
        ComponentRegistry reg = ComponentRegistry.global();
        String[][] expected = {
            {"layer", "dense", "org.ganglion.nn"},
            {"optimizer", "adam", "org.ganglion.optim"},
            {"loss", "sparse_categorical_crossentropy", "org.ganglion.nn"},
            {"metric", "accuracy", "org.ganglion.nn"},
        };
        List<String> problems = new ArrayList<>();
        for (String[] e : expected) {
            List<String> providers = new ArrayList<>();
            for (ComponentRegistry.Entry en : reg.entries(e[0])) if (en.name().equals(e[1])) providers.add(en.provider());
            System.out.println("[smoke] " + e[0] + " '" + e[1] + "' providers " + providers);
            if (!reg.has(e[0], e[1])) problems.add(e[0] + " '" + e[1] + "' missing");
            else if (!providers.contains(e[2])) problems.add(e[0] + " '" + e[1] + "' provided by " + providers + ", expected " + e[2]);
        }
        assertTrue(problems.toString(), problems.isEmpty());
    }

    // ---------------------------------------------------------------- 4. training

    static TensorDataset blobs(int n, long seed) {
        RandomKey k = RandomKey.of(seed);
        Tensor labels = Tensor.randint(k.fold(1), 0, 3, n);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        long[] ls = labels.toLongArray();
        float[] noise = Tensor.randn(k.fold(2), DType.FLOAT32, n, 2).mul(0.5).toFloatArray();
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) for (int j = 0; j < 2; j++) x[i * 2 + j] = (float) centres[(int) ls[i]][j] + noise[i * 2 + j];
        return new TensorDataset(Tensor.of(x, n, 2), labels);
    }

    @Test
    public void trainsSmallClassifier() throws Exception {
        await("cpu to become the active device", () -> "cpu".equals(activeId()));
        TensorDataset data = blobs(300, 7);
        // seed before build: Sequential(int[] inputShape, ...) builds at once and a built Dense refuses a new key
        Sequential model = Seeding.seed(new Sequential(new Dense(16, "relu"), new Dense(3, "softmax")), 7);
        model.build(2);
        Trainer t = Trainer.compile(model, "adam", "sparse_categorical_crossentropy", "accuracy");
        long t0 = System.nanoTime();
        History h = t.fit(data.x(), data.y(), FitOptions.epochs(10).batchSize(32).verbose(0));
        System.out.printf("[smoke] trained on %s: loss %.4f, accuracy %.3f in %d ms%n", activeId(),
            h.last("loss"), h.last("accuracy"), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(10, h.size());
        assertTrue("accuracy " + h.last("accuracy"), h.last("accuracy") > 0.9);
    }

    // ---------------------------------------------------------------- 5. backend hot swap

    @Test
    public void stoppingBackendFallsBackToReference() throws Exception {
        await("cpu to become the active device", () -> "cpu".equals(activeId()));
        float[] values = {1.5f, -2f, 3.25f, 4f, 0f, -0.125f};
        Tensor t = Tensor.of(values, 2, 3);
        Tensor doubled = t.mul(2);
        assertEquals("cpu", t.device().id());
        Bundle ejml = installed("org.ganglion.backend.ejml");
        try {
            ejml.stop();
            await("reference to become the active device", () -> "reference".equals(activeId()));
            assertEquals(0, ctx.getServiceReferences(ComputeDevice.class, "(ganglion.device.id=cpu)").size());
            System.out.println("[smoke] backend stopped: active=" + activeId() + ", tensor now on " + t.device().id());
            assertArrayEquals(values, t.toFloatArray(), 0f);
            assertArrayEquals(new float[] {3f, -4f, 6.5f, 8f, 0f, -0.25f}, doubled.toFloatArray(), 0f);
            Tensor sum = t.add(doubled);   // still computes after the swap
            assertArrayEquals(new float[] {4.5f, -6f, 9.75f, 12f, 0f, -0.375f}, sum.toFloatArray(), 1e-6f);
        } finally {
            ejml.start();
        }
        await("cpu to become the active device again", () -> "cpu".equals(activeId()));
        assertArrayEquals(values, t.toFloatArray(), 0f);
        Tensor c = t.matmul(Tensor.ones(3, 2));
        assertEquals("cpu", c.device().id());
        assertArrayEquals(new float[] {2.75f, 2.75f, 3.875f, 3.875f}, c.toFloatArray(), 1e-5f);
        System.out.println("[smoke] backend restarted: active=" + activeId());
    }
}
