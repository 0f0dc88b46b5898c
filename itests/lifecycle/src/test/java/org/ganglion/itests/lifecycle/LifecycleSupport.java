package org.ganglion.itests.lifecycle;

import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;

/** Shared Pax Exam setup (copied from itests/plugins' PluginBundleIT) and helpers. */
final class LifecycleSupport {
    static final String PLUGIN = "com.example.ganglion.plugin";
    static final String EJML = "org.ganglion.backend.ejml";
    static final String NN = "org.ganglion.nn";
    static final String OPTIM = "org.ganglion.optim";
    static final String[] GANGLION_BUNDLES = {
        "org.ganglion.core", "org.ganglion.autograd", "org.ganglion.graph", "org.ganglion.nn",
        "org.ganglion.optim", "org.ganglion.data", "org.ganglion.train", "org.ganglion.backend.ejml",
    };
    /** CPU device threads (the caller included): one helper worker thread per live device. */
    static final int CPU_THREADS = 2;

    private LifecycleSupport() {}

    static File bundleFile(String bsn) {
        return new File(System.getProperty("it.bundles", "target/bundles"), bsn + ".jar");
    }

    static Option reactorBundle(String bsn) { return bundle(bundleFile(bsn).toURI().toString()); }

    /** Runtime + Ganglion bundles (+ the plugin when asked), plus {@code extra}. */
    static Option[] options(boolean withPlugin, Option... extra) {
        List<Option> o = new ArrayList<>(List.of(
            mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
            mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
            mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject()));
        for (String bsn : GANGLION_BUNDLES) o.add(reactorBundle(bsn));
        if (withPlugin) o.add(reactorBundle(PLUGIN));
        o.addAll(List.of(extra));
        o.addAll(List.of(
            junitBundles(),
            systemPackage("jdk.incubator.vector"),
            systemProperty("ganglion.cpu.threads").value(String.valueOf(CPU_THREADS)),
            systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
            workingDirectory("target/paxexam"),
            cleanCaches(true)));
        return o.toArray(new Option[0]);
    }

    static Bundle find(BundleContext ctx, String bsn) {
        for (Bundle b : ctx.getBundles()) if (bsn.equals(b.getSymbolicName())) return b;
        return null;
    }

    static void await(String what, long millis, BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out after " + millis + " ms waiting for " + what);
            Thread.sleep(10);
        }
    }

    static void await(String what, BooleanSupplier cond) throws InterruptedException { await(what, 10_000, cond); }

    /** refreshBundles(null) (the removal-pending bundles) and waits for PACKAGES_REFRESHED. */
    static void refresh(BundleContext ctx) throws InterruptedException {
        FrameworkWiring fw = ctx.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        FrameworkListener l = e -> { if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) done.countDown(); };
        fw.refreshBundles(null, l);
        if (!done.await(30, TimeUnit.SECONDS)) fail("no PACKAGES_REFRESHED within 30 s");
    }

    static int removalPending(BundleContext ctx) {
        return ctx.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().size();
    }
}
