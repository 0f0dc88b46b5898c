package com.example.ganglion.plugin;

import org.ganglion.graph.Config;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Module;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.graph.spi.LossFactory;
import org.ganglion.graph.spi.OptimizerFactory;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's factories. In OSGi each is a Declarative Services component registered under its SPI
 * interface with a {@code ganglion.name} property; graph's whiteboard adds it to
 * {@code ComponentRegistry.global()} while this bundle is active and removes it when it stops. On a
 * plain classpath the same classes are found through {@code META-INF/services}.
 */
public final class PluginComponents {
    private PluginComponents() {}

    /** Layer {@code mish}; takes no options. */
    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=" + Mish.TYPE)
    public static final class MishFactory implements LayerFactory {
        @Override
        public String name() { return Mish.TYPE; }

        @Override
        public Module create(Config config) {
            if (!config.asMap().isEmpty()) throw new IllegalArgumentException(Mish.TYPE + ": takes no options, got " + config.asMap().keySet());
            return new Mish();
        }
    }

    /** Optimizer {@code lion}; options {@code learning_rate} (1e-4), {@code beta_1} (0.9), {@code beta_2} (0.99), {@code weight_decay} (0). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=" + Lion.NAME)
    public static final class LionFactory implements OptimizerFactory {
        @Override
        public String name() { return Lion.NAME; }

        @Override
        public Optimizer create(Config c) {
            return new Lion(c.getDouble("learning_rate", 1e-4), c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.99),
                    c.getDouble("weight_decay", 0.0));
        }
    }

    /** Loss {@code squared_log_error}; no options. */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=" + SquaredLogError.NAME)
    public static final class SquaredLogErrorFactory implements LossFactory {
        @Override
        public String name() { return SquaredLogError.NAME; }

        @Override
        public Loss create(Config config) { return new SquaredLogError(); }
    }
}
