package org.ganglion.nn.internal;

import java.util.List;
import java.util.Map;
import org.ganglion.graph.Config;
import org.ganglion.graph.Loss;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.LossFactory;
import org.ganglion.nn.BinaryCrossentropy;
import org.ganglion.nn.CategoricalCrossentropy;
import org.ganglion.nn.CosineSimilarity;
import org.ganglion.nn.CrossEntropy;
import org.ganglion.nn.FocalLoss;
import org.ganglion.nn.Hinge;
import org.ganglion.nn.KLDivergence;
import org.ganglion.nn.Poisson;
import org.ganglion.nn.RegressionLoss;
import org.ganglion.nn.SparseCategoricalCrossentropy;
import org.ganglion.nn.WeightedCrossentropy;
import org.osgi.service.component.annotations.Component;

/** Loss factories by Keras name; every loss takes {@code reduction} (mean, sum, none). */
public final class LossFactories {
    private LossFactories() {}

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=mean_squared_error")
    public static final class MeanSquaredErrorFactory extends Named implements LossFactory {
        public MeanSquaredErrorFactory() { super("mean_squared_error", "mse"); }

        @Override
        public Loss create(Config c) { return RegressionLoss.meanSquaredError(reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=mean_absolute_error")
    public static final class MeanAbsoluteErrorFactory extends Named implements LossFactory {
        public MeanAbsoluteErrorFactory() { super("mean_absolute_error", "mae"); }

        @Override
        public Loss create(Config c) { return RegressionLoss.meanAbsoluteError(reduction(c)); }
    }

    /** Option {@code delta} (1.0). */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=huber")
    public static final class HuberFactory extends Named implements LossFactory {
        public HuberFactory() { super("huber"); }

        @Override
        public Loss create(Config c) { return RegressionLoss.huber(c.getDouble("delta", 1.0), reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=log_cosh")
    public static final class LogCoshFactory extends Named implements LossFactory {
        public LogCoshFactory() { super("log_cosh", "logcosh"); }

        @Override
        public Loss create(Config c) { return RegressionLoss.logCosh(reduction(c)); }
    }

    /** Options {@code from_logits} (false), {@code label_smoothing} (0). */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=binary_crossentropy")
    public static final class BinaryCrossentropyFactory extends Named implements LossFactory {
        public BinaryCrossentropyFactory() { super("binary_crossentropy", "bce"); }

        @Override
        public Loss create(Config c) {
            return new BinaryCrossentropy(c.getBoolean("from_logits", false), c.getDouble("label_smoothing", 0), reduction(c));
        }
    }

    /** Options {@code from_logits} (false), {@code label_smoothing} (0). */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=categorical_crossentropy")
    public static final class CategoricalCrossentropyFactory extends Named implements LossFactory {
        public CategoricalCrossentropyFactory() { super("categorical_crossentropy"); }

        @Override
        public Loss create(Config c) {
            return new CategoricalCrossentropy(c.getBoolean("from_logits", false), c.getDouble("label_smoothing", 0), reduction(c));
        }
    }

    /** Option {@code from_logits} (false). */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=sparse_categorical_crossentropy")
    public static final class SparseCategoricalCrossentropyFactory extends Named implements LossFactory {
        public SparseCategoricalCrossentropyFactory() { super("sparse_categorical_crossentropy"); }

        @Override
        public Loss create(Config c) { return new SparseCategoricalCrossentropy(c.getBoolean("from_logits", false), reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=cross_entropy")
    public static final class CrossEntropyFactory extends Named implements LossFactory {
        public CrossEntropyFactory() { super("cross_entropy"); }

        @Override
        public Loss create(Config c) { return new CrossEntropy(reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=hinge")
    public static final class HingeFactory extends Named implements LossFactory {
        public HingeFactory() { super("hinge"); }

        @Override
        public Loss create(Config c) { return new Hinge(false, reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=squared_hinge")
    public static final class SquaredHingeFactory extends Named implements LossFactory {
        public SquaredHingeFactory() { super("squared_hinge"); }

        @Override
        public Loss create(Config c) { return new Hinge(true, reduction(c)); }
    }

    /** Options {@code gamma} (2), {@code alpha} (none), {@code from_logits} (false). */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=focal")
    public static final class FocalFactory extends Named implements LossFactory {
        public FocalFactory() { super("focal", "binary_focal_crossentropy", "focal_loss"); }

        @Override
        public Loss create(Config c) {
            Double alpha = c.has("alpha") ? c.getDouble("alpha") : null;
            return new FocalLoss(c.getDouble("gamma", 2.0), alpha, c.getBoolean("from_logits", false), reduction(c));
        }
    }

    /** Options {@code class_weights} (required: a list, or a map from class index to weight), {@code from_logits}. */
    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=weighted_crossentropy")
    public static final class WeightedCrossentropyFactory extends Named implements LossFactory {
        public WeightedCrossentropyFactory() { super("weighted_crossentropy"); }

        @Override
        public Loss create(Config c) {
            return new WeightedCrossentropy(classWeights(c), c.getBoolean("from_logits", false), reduction(c));
        }

        static double[] classWeights(Config c) {
            Object v = c.get("class_weights");
            if (v instanceof List<?> l) {
                double[] w = new double[l.size()];
                for (int i = 0; i < w.length; i++) w[i] = number(c, l.get(i));
                return w;
            }
            if (v instanceof Map<?, ?> m) {
                int n = 0;
                for (Object k : m.keySet()) n = Math.max(n, classIndex(c, k) + 1);
                double[] w = new double[n];
                java.util.Arrays.fill(w, 1.0); // classes not listed keep weight 1, as Keras' class_weight
                for (Map.Entry<?, ?> e : m.entrySet()) w[classIndex(c, e.getKey())] = number(c, e.getValue());
                return w;
            }
            throw new IllegalArgumentException(c.component() + ": option 'class_weights' must be a list or a map {class: weight}, got " + v);
        }

        private static int classIndex(Config c, Object k) {
            try {
                return Integer.parseInt(String.valueOf(k));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(c.component() + ": class_weights keys must be class indices, got '" + k + "'");
            }
        }

        private static double number(Config c, Object v) {
            if (v instanceof Number n) return n.doubleValue();
            throw new IllegalArgumentException(c.component() + ": class weights must be numbers, got " + v);
        }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=poisson")
    public static final class PoissonFactory extends Named implements LossFactory {
        public PoissonFactory() { super("poisson"); }

        @Override
        public Loss create(Config c) { return new Poisson(reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=kl_divergence")
    public static final class KLDivergenceFactory extends Named implements LossFactory {
        public KLDivergenceFactory() { super("kl_divergence", "kld", "kullback_leibler_divergence"); }

        @Override
        public Loss create(Config c) { return new KLDivergence(reduction(c)); }
    }

    @Component(service = LossFactory.class, property = ComponentFactory.NAME + "=cosine_similarity")
    public static final class CosineSimilarityFactory extends Named implements LossFactory {
        public CosineSimilarityFactory() { super("cosine_similarity"); }

        @Override
        public Loss create(Config c) { return new CosineSimilarity(reduction(c)); }
    }
}
