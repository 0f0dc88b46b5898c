package org.ganglion.nn.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.nn.ActivationLayer;
import org.ganglion.nn.Activations;
import org.ganglion.nn.PReLU;
import org.ganglion.nn.Swish;
import org.osgi.service.component.annotations.Component;

/**
 * Activation layers: {@code activation} (option {@code activation} names the function) and one
 * factory per function name, whose options are the function's ({@link Activations#get}).
 * {@code prelu} and {@code swish} make {@link PReLU} and {@link Swish} modules (Swish can have a
 * trainable β); the others an {@link ActivationLayer}.
 */
public final class ActivationLayerFactories {
    private ActivationLayerFactories() {}

    /** A factory for one named, parameter-free activation. */
    abstract static class ByName extends Named implements LayerFactory {
        ByName(String name, String... aliases) { super(name, aliases); }

        @Override
        public Module create(Config c) { return new ActivationLayer(Activations.get(name(), c.asMap())); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=activation")
    public static final class ActivationFactory extends Named implements LayerFactory {
        public ActivationFactory() { super("activation"); }

        @Override
        public Module create(Config c) { return ActivationLayer.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=relu")
    public static final class ReluLayer extends ByName {
        public ReluLayer() { super("relu"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=leaky_relu")
    public static final class LeakyReluLayer extends ByName {
        public LeakyReluLayer() { super("leaky_relu"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=prelu")
    public static final class PReLULayer extends Named implements LayerFactory {
        public PReLULayer() { super("prelu"); }

        @Override
        public Module create(Config c) { return PReLU.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=elu")
    public static final class EluLayer extends ByName {
        public EluLayer() { super("elu"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=selu")
    public static final class SeluLayer extends ByName {
        public SeluLayer() { super("selu"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=gelu")
    public static final class GeluLayer extends ByName {
        public GeluLayer() { super("gelu"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=swish")
    public static final class SwishLayer extends Named implements LayerFactory {
        public SwishLayer() { super("swish", "silu"); }

        @Override
        public Module create(Config c) { return Swish.fromConfig(c); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=softplus")
    public static final class SoftplusLayer extends ByName {
        public SoftplusLayer() { super("softplus"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=hard_sigmoid")
    public static final class HardSigmoidLayer extends ByName {
        public HardSigmoidLayer() { super("hard_sigmoid"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=sigmoid")
    public static final class SigmoidLayer extends ByName {
        public SigmoidLayer() { super("sigmoid"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=tanh")
    public static final class TanhLayer extends ByName {
        public TanhLayer() { super("tanh"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=softmax")
    public static final class SoftmaxLayer extends ByName {
        public SoftmaxLayer() { super("softmax"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=log_softmax")
    public static final class LogSoftmaxLayer extends ByName {
        public LogSoftmaxLayer() { super("log_softmax"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=linear")
    public static final class LinearLayer extends ByName {
        public LinearLayer() { super("linear"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=step")
    public static final class StepLayer extends ByName {
        public StepLayer() { super("step"); }
    }

    @Component(service = LayerFactory.class, property = ComponentFactory.NAME + "=sign")
    public static final class SignLayer extends ByName {
        public SignLayer() { super("sign"); }
    }
}
