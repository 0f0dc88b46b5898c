package org.ganglion.itests.plugins;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.ModelSpec;
import org.ganglion.graph.Models;
import org.ganglion.graph.Module;
import org.ganglion.graph.Sequential;
import org.ganglion.graph.UnknownComponentException;
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

/**
 * A third-party plugin bundle ({@code com.example.ganglion.plugin}: layer {@code mish}, optimizer
 * {@code lion}, loss {@code squared_log_error}) inside Felix + SCR with the Ganglion bundles: used by
 * name from a JSON model spec and from {@code Trainer.compile}; stopped, uninstalled and reinstalled
 * at run time. The probe refers to the plugin by name only (it cannot import the plugin's private
 * package). One framework for the class; JUnit 4 method order is not source order, so every test
 * starts by waiting for the plugin to be active and leaves it active (finally blocks).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginBundleIT {
    static final String PLUGIN = "com.example.ganglion.plugin";
    static final String[] GANGLION_BUNDLES = {
        "org.ganglion.core", "org.ganglion.autograd", "org.ganglion.graph", "org.ganglion.nn",
        "org.ganglion.optim", "org.ganglion.data", "org.ganglion.train", "org.ganglion.backend.ejml",
    };

    /** dense → mish → dense, no input_shape (so the model can be seeded before it is built). */
    static final String SPEC = "{\"format\": \"ganglion-model\", \"version\": 1, \"model\": \"sequential\",\n"
        + " \"layers\": [\n"
        + "  {\"type\": \"dense\", \"name\": \"hidden\", \"config\": {\"units\": 16}},\n"
        + "  {\"type\": \"mish\", \"name\": \"act\", \"config\": {}},\n"
        + "  {\"type\": \"dense\", \"name\": \"out\", \"config\": {\"units\": 1, \"activation\": \"softplus\"}}]}";

    @Inject BundleContext ctx;

    private static File bundleFile(String bsn) {
        return new File(System.getProperty("it.bundles", "target/bundles"), bsn + ".jar");
    }

    private static Option reactorBundle(String bsn) { return bundle(bundleFile(bsn).toURI().toString()); }

    @Configuration
    public Option[] config() {
        List<Option> o = new ArrayList<>(List.of(
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject()));
        for (String bsn : GANGLION_BUNDLES) o.add(reactorBundle(bsn));
        o.add(reactorBundle(PLUGIN));
        o.addAll(List.of(
            junitBundles(),
            systemPackage("jdk.incubator.vector"),   // see GanglionSmokeIT: merges with the probe's system packages
            systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            workingDirectory("target/paxexam"),
            cleanCaches(true)));
        return o.toArray(new Option[0]);
    }

    // ---------------------------------------------------------------- helpers

    private Bundle plugin() {
        for (Bundle b : ctx.getBundles()) if (PLUGIN.equals(b.getSymbolicName())) return b;
        return null;
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static boolean pluginRegistered() {
        ComponentRegistry r = ComponentRegistry.global();
        return r.has("layer", "mish") && r.has("optimizer", "lion") && r.has("loss", "squared_log_error");
    }

    private static boolean pluginGone() {
        ComponentRegistry r = ComponentRegistry.global();
        return !r.has("layer", "mish") && !r.has("optimizer", "lion") && !r.has("loss", "squared_log_error");
    }

    /** Makes sure the plugin is installed, active and registered (whatever an earlier test did). */
    private void ensurePlugin() throws Exception {
        Bundle b = plugin();
        if (b == null) b = ctx.installBundle(bundleFile(PLUGIN).toURI().toString());
        if (b.getState() != Bundle.ACTIVE) b.start();
        await("the plugin's components in ComponentRegistry.global()", PluginBundleIT::pluginRegistered);
    }

    /** y = 1 + 2·x0 + x1², x uniform in [0, 1)²: positive targets for a log error. */
    static Tensor[] regression(int n, long seed) {
        Tensor x = Tensor.rand(RandomKey.of(seed), DType.FLOAT32, n, 2);
        float[] xs = x.toFloatArray(), ys = new float[n];
        for (int i = 0; i < n; i++) ys[i] = 1 + 2 * xs[2 * i] + xs[2 * i + 1] * xs[2 * i + 1];
        return new Tensor[] {x, Tensor.of(ys, n, 1)};
    }

    private static Module specModel(long seed) {
        Module m = ModelSpec.parse(SPEC).toModel();
        Seeding.seed(m, seed);
        m.build(2);
        return m;
    }

    private static History fit(Trainer t, Tensor[] data, int epochs) {
        return t.fit(data[0], data[1], FitOptions.epochs(epochs).batchSize(32).verbose(0));
    }

    private static void assertDecreased(String what, History h) { assertDecreased(what, h, 0.5); }

    /** The last epoch's loss is finite and below {@code factor} times the first's. */
    private static void assertDecreased(String what, History h, double factor) {
        List<Double> loss = h.get("loss");
        System.out.println("[plugins] " + what + ": loss " + loss.get(0) + " -> " + loss.get(loss.size() - 1));
        assertTrue(what + ": loss is not finite: " + loss, loss.stream().allMatch(d -> Double.isFinite(d)));
        assertTrue(what + ": loss did not decrease: " + loss, loss.get(loss.size() - 1) < factor * loss.get(0));
    }

    // ---------------------------------------------------------------- (a) spec + training

    @Test
    public void pluginBundleActiveAndImportsOnlyApi() throws Exception {
        ensurePlugin();
        Bundle b = plugin();
        assertEquals(Bundle.ACTIVE, b.getState());
        String imports = b.getHeaders().get("Import-Package");
        System.out.println("[plugins] " + PLUGIN + " Import-Package: " + imports);
        assertFalse("imports an internal package: " + imports, imports.contains("internal"));
        for (ComponentRegistry.Entry e : ComponentRegistry.global().entries("layer"))
            if (e.name().equals("mish")) assertEquals(PLUGIN, e.provider());
    }

    @Test
    public void specWithPluginLayerTrainsWithLionAndPluginLoss() throws Exception {
        ensurePlugin();
        Tensor[] data = regression(256, 11);
        Module model = specModel(3);
        Trainer t = Trainer.compile(model, "lion", "squared_log_error");
        assertEquals("lion", t.optimizer().name());
        assertEquals(1e-4, t.optimizer().learningRate(), 0);   // the plugin's default
        t.optimizer().setLearningRate(3e-3);                    // faster, for a short test
        assertDecreased("mish spec + lion + squared_log_error", fit(t, data, 25));
        assertEquals(25L * 8, t.optimizer().iterations());
        assertTrue(t.optimizer().stateDict().contains("m.hidden.kernel"));
    }

    @Test
    public void specWithPluginLayerTrainsWithAdamAndPluginLoss() throws Exception {
        ensurePlugin();
        Module model = specModel(5);
        Trainer t = Trainer.compile(model, "adam", "squared_log_error");
        assertDecreased("mish spec + adam + squared_log_error", fit(t, regression(256, 12), 25));
    }

    // ---------------------------------------------------------------- (b) + (c) uninstall, reinstall

    @Test
    public void uninstallBreaksOnlyThePluginAndReinstallRestoresIt() throws Exception {
        ensurePlugin();
        Tensor[] data = regression(128, 13);
        Bundle b = plugin();
        try {
            // stop: components unregistered
            b.stop();
            await("the plugin's components to leave the registry after stop", PluginBundleIT::pluginGone);
            assertUnknownMish();
            b.start();
            await("the plugin's components after start", PluginBundleIT::pluginRegistered);
            fit(Trainer.compile(specModel(1), "adam", "squared_log_error"), data, 1);

            // uninstall: the same, and the framework keeps working
            b.uninstall();
            assertEquals(Bundle.UNINSTALLED, b.getState());
            await("the plugin's components to leave the registry after uninstall", PluginBundleIT::pluginGone);
            assertUnknownMish();
            try {
                Trainer.compile(new Sequential(new Dense(1)), "lion", "mse");
                fail("lion still resolves after uninstall");
            } catch (UnknownComponentException e) {
                assertEquals("lion", e.name());
            }
            // built-in layers, optimizers and losses are untouched
            Sequential builtin = Seeding.seed(new Sequential(new Dense(16, "relu"), new Dense(1)), 9);
            builtin.build(2);
            assertDecreased("built-in model with the plugin uninstalled", fit(Trainer.compile(builtin, "adam", "mse"), data, 25), 0.8);
        } finally {
            ensurePlugin();   // reinstall from the jar (or restart) and wait for its components
        }
        // (c) after reinstalling: the spec works again
        assertEquals(Bundle.ACTIVE, plugin().getState());
        assertTrue("expected a newly installed bundle", plugin().getBundleId() != b.getBundleId());
        Trainer t = Trainer.compile(specModel(3), "lion", "squared_log_error");
        t.optimizer().setLearningRate(3e-3);
        assertDecreased("mish spec + lion after reinstall", fit(t, data, 25));
    }

    private static void assertUnknownMish() {
        try {
            ModelSpec.parse(SPEC).toModel();
            fail("toModel() succeeded without the plugin");
        } catch (UnknownComponentException e) {
            System.out.println("[plugins] without the plugin: " + e.getMessage());
            assertEquals("layer", e.kind());
            assertEquals("mish", e.name());
            assertTrue(e.getMessage(), e.getMessage().contains("mish"));
        }
    }

    // ---------------------------------------------------------------- (d) save + load

    @Test
    public void modelWithPluginLayerSavesAndReloads() throws Exception {
        ensurePlugin();
        Tensor[] data = regression(128, 14);
        Module model = specModel(7);
        fit(Trainer.compile(model, "adam", "squared_log_error"), data, 5);
        Path dir = Files.createTempDirectory("ganglion-plugin-it");
        Path file = dir.resolve("mish-model.safetensors");
        Models.save(model, file);
        Module loaded = Models.load(file);
        model.eval();
        loaded.eval();
        assertEquals(ModelSpec.of(model), ModelSpec.of(loaded));
        float[] before = model.call(data[0]).toFloatArray(), after = loaded.call(data[0]).toFloatArray();
        assertArrayEquals(before, after, 0f);
        System.out.println("[plugins] saved and reloaded " + file.getFileName() + " (" + Files.size(file) + " bytes), "
            + before.length + " equal predictions");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }
}
