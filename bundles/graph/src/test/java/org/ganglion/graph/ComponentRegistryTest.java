package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.graph.spi.LossFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentRegistryTest {
    @Test
    void serviceLoaderFindsTheFactoriesListedInMetaInfServices() {
        ComponentRegistry r = ComponentRegistry.fromClasspath(getClass().getClassLoader());
        assertEquals(List.of("test_center", "test_dense", "test_linear", "test_scale"), r.entries("layer").stream().map(ComponentRegistry.Entry::name).toList());
        assertTrue(r.entries("layer").stream().allMatch(e -> e.provider().equals("classpath")));
        assertInstanceOf(TestLayers.Linear.class, r.layer("test_dense", Config.of("test_dense", "units", 3)), "aliases resolve");
        assertTrue(ComponentRegistry.global().has("layer", "test_scale"), "the global registry loads the classpath too");
    }

    @Test
    void addAndRemoveMakeNamesAppearAndDisappear() {
        ComponentRegistry r = new ComponentRegistry();
        LayerFactory f = new TestLayers.ScaleFactory();
        assertFalse(r.has("layer", "test_scale"));
        r.add(f, "bundle.a");
        assertTrue(r.has("layer", "test_scale"));
        assertEquals("bundle.a", r.entries("layer").get(0).provider());
        r.remove(f);
        assertFalse(r.has("layer", "test_scale"));
        assertThrows(UnknownComponentException.class, () -> r.layer("test_scale", Config.empty("test_scale")));
        assertEquals(List.of(), r.entries("layer"));
    }

    @Test
    void aLaterFactoryShadowsAnEarlierOneUntilItIsRemoved() {
        ComponentRegistry r = new ComponentRegistry();
        LayerFactory first = new TestLayers.ScaleFactory();
        LayerFactory second = new LayerFactory() {
            @Override
            public String name() { return "test_scale"; }

            @Override
            public Module create(Config c) { return new TestLayers.Center(); }
        };
        r.add(first, "a");
        r.add(second, "b");
        assertInstanceOf(TestLayers.Center.class, r.layer("test_scale", Config.empty("test_scale")));
        r.remove(second);
        assertInstanceOf(TestLayers.Scale.class, r.layer("test_scale", Config.empty("test_scale")));
        assertSame(first, r.entries("layer").get(0).factory());
    }

    @Test
    void anUnknownNameListsWhatIsRegistered() {
        ComponentRegistry r = TestLayers.registry();
        UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> r.layer("dense", Config.empty("dense")));
        assertEquals("unknown layer 'dense'; registered layers: test_center, test_dense, test_linear, test_scale. Install a bundle that provides it "
                + "(a LayerFactory service with ganglion.name=dense).", e.getMessage());
        UnknownComponentException none = assertThrows(UnknownComponentException.class, () -> r.loss("mse"));
        assertTrue(none.getMessage().startsWith("unknown loss 'mse'; registered losses: none."), none.getMessage());
        assertEquals("loss", none.kind());
    }

    @Test
    void kindsFollowTheFactoryInterface() {
        LossFactory loss = new LossFactory() {
            @Override
            public String name() { return "zero"; }

            @Override
            public Loss create(Config c) {
                return new Loss() {
                    @Override
                    public String name() { return "zero"; }

                    @Override
                    public Variable apply(Variable prediction, Tensor target) { return Variable.of(Tensor.scalar(0)); }
                };
            }
        };
        assertEquals("loss", ComponentRegistry.kindOf(loss));
        ComponentRegistry r = new ComponentRegistry();
        r.add(loss, "test");
        assertEquals("zero", r.loss("zero").name());
        assertFalse(r.has("layer", "zero"));
        ComponentFactory<String> stray = new ComponentFactory<>() {
            @Override
            public String name() { return "stray"; }

            @Override
            public String create(Config c) { return "x"; }
        };
        assertThrows(IllegalArgumentException.class, () -> r.add(stray, "test"));
    }

    @Test
    void aBrokenProviderIsSkippedNotFatal(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(LayerFactory.class.getName()), "com.example.DoesNotExist\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            ComponentRegistry r = ComponentRegistry.fromClasspath(cl);
            assertTrue(r.has("layer", "test_linear"), "the working providers are still there");
            assertEquals(4, r.entries("layer").size());
        }
    }
}
