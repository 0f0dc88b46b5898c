package org.ganglion.itests.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.ganglion.core.DeviceRegistry;
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

/**
 * The {@code org.ganglion.runtime} bundle's Gogo command component ({@code osgi.command.scope=ganglion})
 * in Felix + SCR with the Ganglion bundles. The probe calls the command methods through the service
 * registry by reflection, as Gogo does (the component's package is private).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT {
    static final String RUNTIME = "org.ganglion.runtime";
    static final String[] GANGLION_BUNDLES = {
        "org.ganglion.core", "org.ganglion.autograd", "org.ganglion.graph", "org.ganglion.nn",
        "org.ganglion.optim", "org.ganglion.data", "org.ganglion.train", "org.ganglion.backend.ejml", RUNTIME,
    };
    static final String SPEC = "{\"format\": \"ganglion-model\", \"version\": 1, \"model\": \"sequential\", \"input_shape\": [4],\n"
        + " \"layers\": [\n"
        + "  {\"type\": \"dense\", \"name\": \"hidden\", \"config\": {\"units\": 16, \"activation\": \"relu\"}},\n"
        + "  {\"type\": \"dense\", \"name\": \"out\", \"config\": {\"units\": 1}}]}";

    @Inject BundleContext ctx;

    private static Option reactorBundle(String bsn) {
        return bundle(new File(System.getProperty("it.bundles", "target/bundles"), bsn + ".jar").toURI().toString());
    }

    @Configuration
    public Option[] config() {
        List<Option> o = new ArrayList<>(List.of(
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject()));
        for (String bsn : GANGLION_BUNDLES) o.add(reactorBundle(bsn));
        o.addAll(List.of(
            junitBundles(),
            systemPackage("jdk.incubator.vector"),
            systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            workingDirectory("target/paxexam"),
            cleanCaches(true)));
        return o.toArray(new Option[0]);
    }

    // ---------------------------------------------------------------- helpers

    private static void await(String what, long millis, BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private Bundle runtime() {
        for (Bundle b : ctx.getBundles()) if (RUNTIME.equals(b.getSymbolicName())) return b;
        return null;
    }

    private Object commands() throws Exception {
        Bundle b = runtime();
        assertNotNull(RUNTIME + " not installed", b);
        if (b.getState() != Bundle.ACTIVE) b.start();
        Object[] found = new Object[1];
        await("the ganglion command service", 10_000, () -> {
            try {
                for (ServiceReference<?> r : ctx.getServiceReferences((String) null, "(osgi.command.scope=ganglion)")) {
                    found[0] = ctx.getService(r);
                    if (found[0] != null) return true;
                }
            } catch (Exception | Error ignored) { }
            return false;
        });
        return found[0];
    }

    private String call(String fn, Object... args) throws Exception {
        Object svc = commands();
        for (Method m : svc.getClass().getMethods()) {
            if (!m.getName().equals(fn)) continue;
            Object[] a = args;
            if (m.isVarArgs()) {
                int fixed = m.getParameterCount() - 1;
                a = new Object[fixed + 1];
                System.arraycopy(args, 0, a, 0, fixed);
                String[] rest = new String[args.length - fixed];
                System.arraycopy(args, fixed, rest, 0, rest.length);
                a[fixed] = rest;
            } else if (m.getParameterCount() != args.length) continue;
            try {
                String out = (String) m.invoke(svc, a);
                System.out.println("[console] ganglion:" + fn + " " + java.util.Arrays.toString(args) + "\n" + out);
                return out;
            } catch (InvocationTargetException e) {
                throw new AssertionError(fn + " threw " + e.getCause(), e.getCause());
            }
        }
        throw new AssertionError("no command method " + fn);
    }

    private static Path specFile() throws Exception {
        Path f = Files.createTempFile("ganglion-console-spec", ".json");
        Files.writeString(f, SPEC);
        f.toFile().deleteOnExit();
        return f;
    }

    private static int jobId(String started) {
        Matcher m = Pattern.compile("job (\\d+) started").matcher(started);
        assertTrue("not a started job: " + started, m.find());
        return Integer.parseInt(m.group(1));
    }

    private static long step(String status) {
        Matcher m = Pattern.compile("step: (\\d+)").matcher(status);
        assertTrue("no step in status: " + status, m.find());
        return Long.parseLong(m.group(1));
    }

    private String state(int id) throws Exception {
        for (String line : call("jobs").split("\n")) {
            String[] f = line.split("\t");
            if (f.length > 1 && f[0].equals(String.valueOf(id))) return f[1];
        }
        return "?";
    }

    private static List<String> jobThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet())
            if (t.isAlive() && t.getName().startsWith("ganglion-job-")) names.add(t.getName());
        return names;
    }

    // ---------------------------------------------------------------- tests

    @Test
    public void devicesListsCpuAndReference() throws Exception {
        String out = call("devices");
        assertTrue(out, out.contains("cpu"));
        assertTrue(out, out.contains("reference"));
    }

    @Test
    public void usePinsAndAutoRestores() throws Exception {
        try {
            String out = call("use", "reference");
            assertFalse(out, out.startsWith("error"));
            assertEquals("reference", DeviceRegistry.global().active().id());
            assertTrue(call("devices"), call("devices").contains("* reference"));
        } finally {
            call("use", "auto");
        }
        assertEquals("cpu", DeviceRegistry.global().active().id());
        assertFalse(DeviceRegistry.global().pinned().isPresent());
    }

    @Test
    public void useUnknownDeviceReportsKnownDevices() throws Exception {
        String out = call("use", "nope");
        assertTrue(out, out.startsWith("error"));
        assertTrue(out, out.contains("nope"));
        assertTrue(out, out.contains("cpu"));
        assertTrue(out, out.contains("reference"));
        assertEquals("cpu", DeviceRegistry.global().active().id());
    }

    @Test
    public void pluginsListsProviders() throws Exception {
        String out = call("plugins");
        assertTrue(out, out.matches("(?s).*\\n  dense\\torg\\.ganglion\\.nn\\n.*"));
        assertTrue(out, out.matches("(?s).*\\n  adam\\torg\\.ganglion\\.optim\\n.*"));
        for (String kind : new String[] {"layer", "loss", "optimizer", "initializer", "metric", "schedule", "regularizer"})
            assertTrue(out, out.contains(kind + " ("));
    }

    @Test
    public void trainSyntheticJobProgressesAndFinishes() throws Exception {
        Path spec = specFile();
        int id = jobId(call("train", spec.toString(), "--data", "synthetic", "--epochs", "40", "--samples", "512", "--batch", "16"));
        long[] first = new long[1];
        await("job " + id + " to take steps", 60_000, () -> {
            try { first[0] = step(call("status", id)); return first[0] > 0; } catch (Exception e) { throw new AssertionError(e); }
        });
        await("job " + id + " to progress", 60_000, () -> {
            try { return step(call("status", id)) > first[0] || !state(id).equals("RUNNING"); } catch (Exception e) { throw new AssertionError(e); }
        });
        await("job " + id + " to finish", 120_000, () -> {
            try { String s = state(id); return !s.equals("RUNNING") && !s.equals("QUEUED"); } catch (Exception e) { throw new AssertionError(e); }
        });
        String status = call("status", id);
        assertEquals(status, "FINISHED", state(id));
        assertTrue(status, step(status) > first[0]);
        assertEquals(40L * 32, step(status));
        Matcher m = Pattern.compile("loss: (\\S+)").matcher(status);
        assertTrue(status, m.find());
        assertTrue(status, Double.isFinite(Double.parseDouble(m.group(1))));
        assertTrue(status, status.contains("device: cpu"));
        assertTrue(status, status.contains("samples/s: "));
        assertTrue(status, status.contains("mae"));
    }

    @Test
    public void stopStopsALongJob() throws Exception {
        Path spec = specFile();
        int id = jobId(call("train", spec.toString(), "--data", "synthetic", "--epochs", "100000", "--samples", "512"));
        await("job " + id + " to take steps", 60_000, () -> {
            try { return step(call("status", id)) > 0; } catch (Exception e) { throw new AssertionError(e); }
        });
        String out = call("stop", id);
        assertTrue(out, out.contains("STOPPED"));
        assertEquals("STOPPED", state(id));
        long s = step(call("status", id));
        Thread.sleep(300);
        assertEquals(s, step(call("status", id)));
    }

    @Test
    public void stoppingTheBundleLeavesNoJobThread() throws Exception {
        Path spec = specFile();
        int id = jobId(call("train", spec.toString(), "--data", "synthetic", "--epochs", "100000", "--samples", "512"));
        await("job " + id + " to take steps", 60_000, () -> {
            try { return step(call("status", id)) > 0; } catch (Exception e) { throw new AssertionError(e); }
        });
        assertFalse(jobThreads().isEmpty());
        Bundle b = runtime();
        try {
            b.stop();
            assertEquals(Bundle.RESOLVED, b.getState());
            await("job threads to end, left: " + jobThreads(), 10_000, () -> jobThreads().isEmpty());
        } finally {
            b.start();
        }
        assertTrue(call("jobs"), call("jobs").contains("no jobs"));
    }

    @Test
    public void unknownOptionIsAnError() throws Exception {
        String out = call("train", "/nonexistent.json", "--frobnicate");
        assertTrue(out, out.startsWith("error"));
    }
}
