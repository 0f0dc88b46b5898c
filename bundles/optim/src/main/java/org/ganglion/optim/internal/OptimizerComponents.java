package org.ganglion.optim.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.OptimizerFactory;
import org.osgi.service.component.annotations.Component;

/**
 * The built-in optimizers as {@link OptimizerFactory} services, one DS component per name (also
 * listed in {@code META-INF/services} for plain-classpath use). Options: {@link OptimizerSpecs}.
 */
public final class OptimizerComponents {
    private OptimizerComponents() {}

    /** Creates {@link OptimizerSpecs#create} for a fixed name. */
    abstract static class Named implements OptimizerFactory {
        private final String name;

        Named(String name) { this.name = name; }

        @Override
        public final String name() { return name; }

        @Override
        public final Optimizer create(Config config) { return OptimizerSpecs.create(name, config); }
    }

    /** Plain SGD; {@code momentum}, {@code nesterov}, {@code ema} options. */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=sgd")
    public static final class Sgd extends Named {
        public Sgd() { super("sgd"); }
    }

    /** SGD with momentum 0.9 (heavy ball; {@code ema: true} for the EMA form). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=momentum")
    public static final class Momentum extends Named {
        public Momentum() { super("momentum"); }
    }

    /** SGD with Nesterov momentum 0.9. */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=nesterov")
    public static final class Nesterov extends Named {
        public Nesterov() { super("nesterov"); }
    }

    /** AdaGrad (Duchi et al. 2011). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=adagrad")
    public static final class Adagrad extends Named {
        public Adagrad() { super("adagrad"); }
    }

    /** RMSprop (Tieleman &amp; Hinton 2012); {@code momentum}, {@code centered}. */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=rmsprop")
    public static final class Rmsprop extends Named {
        public Rmsprop() { super("rmsprop"); }
    }

    /** AdaDelta (Zeiler 2012). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=adadelta")
    public static final class Adadelta extends Named {
        public Adadelta() { super("adadelta"); }
    }

    /** Adam (Kingma &amp; Ba 2015); {@code amsgrad} option. */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=adam")
    public static final class Adam extends Named {
        public Adam() { super("adam"); }
    }

    /** AdamW (Loshchilov &amp; Hutter 2019). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=adamw")
    public static final class AdamW extends Named {
        public AdamW() { super("adamw"); }
    }

    /** Nadam (Dozat 2016). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=nadam")
    public static final class Nadam extends Named {
        public Nadam() { super("nadam"); }
    }

    /** AMSGrad (Reddi et al. 2018). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=amsgrad")
    public static final class Amsgrad extends Named {
        public Amsgrad() { super("amsgrad"); }
    }

    /** Adamax (Kingma &amp; Ba 2015, §7.1). */
    @Component(service = OptimizerFactory.class, property = ComponentFactory.NAME + "=adamax")
    public static final class Adamax extends Named {
        public Adamax() { super("adamax"); }
    }
}
