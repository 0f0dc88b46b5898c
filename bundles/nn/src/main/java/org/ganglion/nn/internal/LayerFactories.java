package org.ganglion.nn.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.nn.BatchNormalization;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Dropout;
import org.ganglion.nn.Flatten;
import org.ganglion.nn.InputLayer;
import org.ganglion.nn.LayerNormalization;
import org.ganglion.nn.Perceptron;
import org.ganglion.nn.Reshape;
import org.osgi.service.component.annotations.Component;

/** Factories of the structural layers; options are documented on each layer's {@code fromConfig}. */
public final class LayerFactories {
    private LayerFactories() {}

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=dense")
    public static final class DenseFactory extends Named implements LayerFactory {
        public DenseFactory() { super("dense"); }

        @Override
        public Module create(Config c) { return Dense.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=dropout")
    public static final class DropoutFactory extends Named implements LayerFactory {
        public DropoutFactory() { super("dropout"); }

        @Override
        public Module create(Config c) { return Dropout.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=batch_normalization")
    public static final class BatchNormalizationFactory extends Named implements LayerFactory {
        public BatchNormalizationFactory() { super("batch_normalization", "batch_norm"); }

        @Override
        public Module create(Config c) { return BatchNormalization.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=layer_normalization")
    public static final class LayerNormalizationFactory extends Named implements LayerFactory {
        public LayerNormalizationFactory() { super("layer_normalization", "layer_norm"); }

        @Override
        public Module create(Config c) { return LayerNormalization.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=flatten")
    public static final class FlattenFactory extends Named implements LayerFactory {
        public FlattenFactory() { super("flatten"); }

        @Override
        public Module create(Config c) { return new Flatten(); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=reshape")
    public static final class ReshapeFactory extends Named implements LayerFactory {
        public ReshapeFactory() { super("reshape"); }

        @Override
        public Module create(Config c) { return Reshape.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=input")
    public static final class InputFactory extends Named implements LayerFactory {
        public InputFactory() { super("input", "input_layer"); }

        @Override
        public Module create(Config c) { return InputLayer.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=perceptron")
    public static final class PerceptronFactory extends Named implements LayerFactory {
        public PerceptronFactory() { super("perceptron"); }

        /** Option {@code output}: step (0/1, default) or sign (-1/+1). */
        @Override
        public Module create(Config c) {
            String o = c.getString("output", "step");
            return switch (o) {
                case "step" -> new Perceptron(Perceptron.Output.STEP);
                case "sign" -> new Perceptron(Perceptron.Output.SIGN);
                default -> throw new IllegalArgumentException(c.component() + ": option 'output' must be step or sign, got '" + o + "'");
            };
        }
    }
}
