package org.ganglion.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.InitializerFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.graph.spi.LossFactory;
import org.ganglion.graph.spi.MetricFactory;
import org.ganglion.graph.spi.OptimizerFactory;
import org.ganglion.graph.spi.RegularizerFactory;
import org.ganglion.graph.spi.ScheduleFactory;

/**
 * Finds components by name. Factories arrive as OSGi services (graph's whiteboard component adds
 * and removes them as bundles come and go) or, on a plain classpath, through {@link ServiceLoader}.
 * Built-in components register through the same SPI as third-party ones. A name nobody provides
 * raises {@link UnknownComponentException} listing what is registered.
 *
 * <p>Thread-safe. {@link #global()} is the instance models and specs use.
 */
public final class ComponentRegistry {
    /** A registered factory and where it came from (a bundle symbolic name, or {@code classpath}). */
    public record Entry(String kind, String name, String provider, ComponentFactory<?> factory) {}

    private static final Map<Class<?>, String> KINDS = Map.of(
            LayerFactory.class, "layer", LossFactory.class, "loss", OptimizerFactory.class, "optimizer",
            InitializerFactory.class, "initializer", MetricFactory.class, "metric", ScheduleFactory.class, "schedule",
            RegularizerFactory.class, "regularizer");
    private static volatile ComponentRegistry global;

    private final Map<String, Map<String, List<Entry>>> byKind = new ConcurrentHashMap<>();

    public static ComponentRegistry global() {
        ComponentRegistry r = global;
        if (r == null) {
            synchronized (ComponentRegistry.class) {
                if (global == null) {
                    ComponentRegistry fresh = new ComponentRegistry();
                    fresh.loadClasspath();
                    global = fresh;
                }
                r = global;
            }
        }
        return r;
    }

    private void loadClasspath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) cl = ComponentRegistry.class.getClassLoader();
        try {
            // Inside OSGi the context loader may see other copies of these classes (a launcher's
            // classpath): their factories are not ours, and the whiteboard registers ours anyway.
            if (Class.forName(ComponentRegistry.class.getName(), false, cl) != ComponentRegistry.class) return;
        } catch (ClassNotFoundException e) {
            return;
        }
        loadFrom(cl);
    }

    /**
     * A new registry holding every factory that {@code loader} lists in {@code META-INF/services}
     * (plain Java applications, tests, Spark executors). A provider that cannot be loaded is
     * skipped with a warning, so one broken jar does not take every component down with it.
     */
    public static ComponentRegistry fromClasspath(ClassLoader loader) {
        ComponentRegistry r = new ComponentRegistry();
        r.loadFrom(loader);
        return r;
    }

    private void loadFrom(ClassLoader cl) {
        for (Class<?> type : KINDS.keySet()) {
            java.util.Iterator<?> it = ServiceLoader.load(type, cl).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    add((ComponentFactory<?>) it.next(), "classpath");
                } catch (java.util.ServiceConfigurationError e) {
                    System.getLogger(ComponentRegistry.class.getName()).log(System.Logger.Level.WARNING,
                            "skipping a " + KINDS.get(type) + " provider that cannot be loaded: " + e.getMessage());
                }
            }
        }
    }

    /** The kind name of a factory ({@code layer}, {@code loss}, …). */
    public static String kindOf(ComponentFactory<?> factory) {
        for (Map.Entry<Class<?>, String> e : KINDS.entrySet()) if (e.getKey().isInstance(factory)) return e.getValue();
        throw new IllegalArgumentException("not a Ganglion component factory: " + factory.getClass().getName());
    }

    /** Adds a factory under its name and aliases; a later one with the same name shadows earlier ones until removed. */
    public void add(ComponentFactory<?> factory, String provider) {
        String kind = kindOf(factory);
        Map<String, List<Entry>> names = byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        List<String> all = new ArrayList<>(factory.aliases());
        all.add(0, factory.name());
        for (String n : all) {
            synchronized (names) {
                names.computeIfAbsent(n, k -> new ArrayList<>()).add(new Entry(kind, n, provider, factory));
            }
        }
    }

    public void remove(ComponentFactory<?> factory) {
        Map<String, List<Entry>> names = byKind.get(kindOf(factory));
        if (names == null) return;
        synchronized (names) {
            names.values().forEach(l -> l.removeIf(e -> e.factory == factory));
            names.values().removeIf(List::isEmpty);
        }
    }

    private Entry find(String kind, String name) {
        Map<String, List<Entry>> names = byKind.getOrDefault(kind, Map.of());
        synchronized (names) {
            List<Entry> l = names.get(name);
            if (l == null || l.isEmpty()) throw new UnknownComponentException(kind, name, new TreeMap<>(names).keySet());
            return l.get(l.size() - 1);
        }
    }

    /** Every registered name of a kind with its provider, sorted by name. */
    public List<Entry> entries(String kind) {
        Map<String, List<Entry>> names = byKind.getOrDefault(kind, Map.of());
        synchronized (names) {
            return new TreeMap<>(names).values().stream().map(l -> l.get(l.size() - 1)).toList();
        }
    }

    public boolean has(String kind, String name) {
        Map<String, List<Entry>> names = byKind.getOrDefault(kind, Map.of());
        synchronized (names) {
            return names.containsKey(name);
        }
    }

    public Module layer(String name, Config config) { return (Module) find("layer", name).factory.create(config); }

    public Loss loss(String name, Config config) { return (Loss) find("loss", name).factory.create(config); }

    public Optimizer optimizer(String name, Config config) { return (Optimizer) find("optimizer", name).factory.create(config); }

    public Initializer initializer(String name, Config config) { return (Initializer) find("initializer", name).factory.create(config); }

    public Metric metric(String name, Config config) { return (Metric) find("metric", name).factory.create(config); }

    public Schedule schedule(String name, Config config) { return (Schedule) find("schedule", name).factory.create(config); }

    public Regularizer regularizer(String name, Config config) { return (Regularizer) find("regularizer", name).factory.create(config); }

    public Loss loss(String name) { return loss(name, Config.empty(name)); }

    public Optimizer optimizer(String name) { return optimizer(name, Config.empty(name)); }

    public Metric metric(String name) { return metric(name, Config.empty(name)); }

    public Initializer initializer(String name) { return initializer(name, Config.empty(name)); }
}
