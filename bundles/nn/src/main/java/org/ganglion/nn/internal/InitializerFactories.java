package org.ganglion.nn.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Initializer;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.InitializerFactory;
import org.ganglion.nn.Initializers;
import org.osgi.service.component.annotations.Component;

/** Initializer factories by Keras name; options as in {@link Initializers}. */
public final class InitializerFactories {
    private InitializerFactories() {}

    abstract static class ByName extends Named implements InitializerFactory {
        ByName(String name, String... aliases) { super(name, aliases); }

        @Override
        public Initializer create(Config c) { return Initializers.get(name(), c); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=zeros")
    public static final class Zeros extends ByName {
        public Zeros() { super("zeros"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=ones")
    public static final class Ones extends ByName {
        public Ones() { super("ones"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=constant")
    public static final class Constant extends ByName {
        public Constant() { super("constant"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=random_uniform")
    public static final class RandomUniform extends ByName {
        public RandomUniform() { super("random_uniform"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=random_normal")
    public static final class RandomNormal extends ByName {
        public RandomNormal() { super("random_normal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=truncated_normal")
    public static final class TruncatedNormal extends ByName {
        public TruncatedNormal() { super("truncated_normal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=glorot_uniform")
    public static final class GlorotUniform extends ByName {
        public GlorotUniform() { super("glorot_uniform", "xavier_uniform"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=glorot_normal")
    public static final class GlorotNormal extends ByName {
        public GlorotNormal() { super("glorot_normal", "xavier_normal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=he_uniform")
    public static final class HeUniform extends ByName {
        public HeUniform() { super("he_uniform", "kaiming_uniform"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=he_normal")
    public static final class HeNormal extends ByName {
        public HeNormal() { super("he_normal", "kaiming_normal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=lecun_uniform")
    public static final class LecunUniform extends ByName {
        public LecunUniform() { super("lecun_uniform"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=lecun_normal")
    public static final class LecunNormal extends ByName {
        public LecunNormal() { super("lecun_normal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=orthogonal")
    public static final class Orthogonal extends ByName {
        public Orthogonal() { super("orthogonal"); }
    }

    @Component(service = InitializerFactory.class, property = ComponentFactory.NAME + "=variance_scaling")
    public static final class VarianceScaling extends ByName {
        public VarianceScaling() { super("variance_scaling"); }
    }
}
