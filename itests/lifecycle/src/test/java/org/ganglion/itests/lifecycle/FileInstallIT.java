package org.ganglion.itests.lifecycle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ganglion.itests.lifecycle.LifecycleSupport.PLUGIN;
import static org.ganglion.itests.lifecycle.LifecycleSupport.await;
import static org.ganglion.itests.lifecycle.LifecycleSupport.bundleFile;
import static org.ganglion.itests.lifecycle.LifecycleSupport.find;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.inject.Inject;

import org.ganglion.graph.ComponentRegistry;
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
 * Hot deployment with Felix FileInstall 3.7.4: the sample plugin jar dropped into the watched folder
 * is installed and started (its {@code mish} layer appears in {@link ComponentRegistry#global()}),
 * overwritten with a newer timestamp it is updated, deleted it is uninstalled (and {@code mish}
 * disappears while the built-in names stay). The plugin is not provisioned by Pax Exam here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FileInstallIT {
    @Inject BundleContext ctx;

    @Configuration
    public Option[] config() throws IOException {
        Path deploy = Files.createTempDirectory("ganglion-fileinstall-it");
        deploy.toFile().deleteOnExit();
        return LifecycleSupport.options(false,
            mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject(),
            systemProperty("felix.fileinstall.dir").value(deploy.toString()),
            systemProperty("felix.fileinstall.poll").value("200"),
            systemProperty("felix.fileinstall.noInitialDelay").value("true"),
            systemProperty("felix.fileinstall.log.level").value("2"));
    }

    private static boolean mish() { return ComponentRegistry.global().has("layer", "mish"); }

    @Test
    public void dropUpdateDeleteThePluginJar() throws Exception {
        Bundle fi = find(ctx, "org.apache.felix.fileinstall");
        assertNotNull("fileinstall not installed", fi);
        assertEquals("fileinstall state", Bundle.ACTIVE, fi.getState());
        String dirProp = ctx.getProperty("felix.fileinstall.dir");
        assertNotNull("felix.fileinstall.dir not set", dirProp);
        Path dir = Path.of(dirProp);
        System.out.println("[fileinstall] watching " + dir);
        assertNull("plugin must not be provisioned by Pax Exam", find(ctx, PLUGIN));
        assertTrue(ComponentRegistry.global().has("layer", "dense"));
        assertTrue(!mish());

        // 1. drop
        Path jar = dir.resolve(PLUGIN + ".jar");
        long t0 = System.nanoTime();
        Files.copy(bundleFile(PLUGIN).toPath(), jar);
        await("mish after dropping the jar", 10_000, FileInstallIT::mish);
        System.out.printf("[fileinstall] drop -> mish registered after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        Bundle b = find(ctx, PLUGIN);
        assertNotNull(b);
        assertEquals(Bundle.ACTIVE, b.getState());
        long id = b.getBundleId(), modified = b.getLastModified();
        System.out.println("[fileinstall] installed bundle " + id + " from " + b.getLocation() + ", lastModified " + modified);

        // 2. overwrite with itself and a newer timestamp -> update
        Thread.sleep(1100);   // lastModified granularity
        t0 = System.nanoTime();
        Files.copy(bundleFile(PLUGIN).toPath(), jar, StandardCopyOption.REPLACE_EXISTING);
        jar.toFile().setLastModified(System.currentTimeMillis());
        await("the bundle's lastModified to change (update)", 10_000, () -> {
            Bundle c = find(ctx, PLUGIN);
            return c != null && c.getLastModified() != modified && c.getState() == Bundle.ACTIVE;
        });
        await("mish after the update", 10_000, FileInstallIT::mish);
        Bundle u = find(ctx, PLUGIN);
        System.out.printf("[fileinstall] update -> lastModified %d -> %d after %d ms, bundle id %d, mish %b%n",
            modified, u.getLastModified(), (System.nanoTime() - t0) / 1_000_000, u.getBundleId(), mish());
        assertEquals("updated in place, not reinstalled", id, u.getBundleId());
        assertNotEquals(modified, u.getLastModified());
        assertTrue(mish());

        // 3. delete -> uninstall
        t0 = System.nanoTime();
        Files.delete(jar);
        await("mish to disappear after deleting the jar", 10_000, () -> !mish());
        await("the bundle to be uninstalled", 10_000, () -> find(ctx, PLUGIN) == null);
        System.out.printf("[fileinstall] delete -> mish gone after %d ms; dense %b, adam %b%n",
            (System.nanoTime() - t0) / 1_000_000, ComponentRegistry.global().has("layer", "dense"),
            ComponentRegistry.global().has("optimizer", "adam"));
        assertTrue(!ComponentRegistry.global().has("layer", "mish"));
        assertTrue("dense lost", ComponentRegistry.global().has("layer", "dense"));
        assertTrue("adam lost", ComponentRegistry.global().has("optimizer", "adam"));
        // FileInstall stops, then uninstalls: the state can trail the bundle list for a moment
        await("the old bundle object to report UNINSTALLED", 10_000, () -> u.getState() == Bundle.UNINSTALLED);
        assertEquals(Bundle.UNINSTALLED, u.getState());
    }

}
