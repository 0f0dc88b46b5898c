package org.ganglion.nn.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Metric;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.MetricFactory;
import org.ganglion.nn.Accuracy;
import org.ganglion.nn.ClassificationMetric;
import org.ganglion.nn.ConfusionMatrix;
import org.ganglion.nn.RegressionMetric;
import org.ganglion.nn.RocAuc;
import org.osgi.service.component.annotations.Component;

/** Metric factories by Keras name; each call creates a fresh, reset metric. */
public final class MetricFactories {
    private MetricFactories() {}

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=accuracy")
    public static final class AccuracyFactory extends Named implements MetricFactory {
        public AccuracyFactory() { super("accuracy", "acc"); }

        @Override
        public Metric create(Config c) { return Accuracy.auto(); }
    }

    /** Option {@code threshold} (0.5). */
    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=binary_accuracy")
    public static final class BinaryAccuracyFactory extends Named implements MetricFactory {
        public BinaryAccuracyFactory() { super("binary_accuracy"); }

        @Override
        public Metric create(Config c) { return Accuracy.binary(c.getDouble("threshold", 0.5)); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=categorical_accuracy")
    public static final class CategoricalAccuracyFactory extends Named implements MetricFactory {
        public CategoricalAccuracyFactory() { super("categorical_accuracy"); }

        @Override
        public Metric create(Config c) { return Accuracy.categorical(); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=sparse_categorical_accuracy")
    public static final class SparseCategoricalAccuracyFactory extends Named implements MetricFactory {
        public SparseCategoricalAccuracyFactory() { super("sparse_categorical_accuracy"); }

        @Override
        public Metric create(Config c) { return Accuracy.sparseCategorical(); }
    }

    /** Option {@code k} (5). */
    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=top_k_accuracy")
    public static final class TopKAccuracyFactory extends Named implements MetricFactory {
        public TopKAccuracyFactory() { super("top_k_accuracy", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy"); }

        @Override
        public Metric create(Config c) { return Accuracy.topK(c.getInt("k", 5)); }
    }

    /** Options of precision, recall and f1: {@code average}, {@code pos_label}, {@code class_id}, {@code num_classes}, {@code threshold}. */
    abstract static class Classification extends Named implements MetricFactory {
        private final ClassificationMetric.Kind kind;

        Classification(ClassificationMetric.Kind kind, String name, String... aliases) {
            super(name, aliases);
            this.kind = kind;
        }

        @Override
        public Metric create(Config c) {
            return new ClassificationMetric(kind, ClassificationMetric.Average.parse(c.getString("average", "auto")),
                    c.getInt("pos_label", 1), c.getInt("class_id", -1), c.getInt("num_classes", 0), c.getDouble("threshold", 0.5));
        }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=precision")
    public static final class PrecisionFactory extends Classification {
        public PrecisionFactory() { super(ClassificationMetric.Kind.PRECISION, "precision"); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=recall")
    public static final class RecallFactory extends Classification {
        public RecallFactory() { super(ClassificationMetric.Kind.RECALL, "recall"); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=f1")
    public static final class F1Factory extends Classification {
        public F1Factory() { super(ClassificationMetric.Kind.F1, "f1", "f1_score"); }
    }

    /** Options {@code num_classes} (0 = grow), {@code threshold} (0.5). */
    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=confusion_matrix")
    public static final class ConfusionMatrixFactory extends Named implements MetricFactory {
        public ConfusionMatrixFactory() { super("confusion_matrix"); }

        @Override
        public Metric create(Config c) { return new ConfusionMatrix(c.getInt("num_classes", 0), c.getDouble("threshold", 0.5)); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=roc_auc")
    public static final class RocAucFactory extends Named implements MetricFactory {
        public RocAucFactory() { super("roc_auc", "auc"); }

        @Override
        public Metric create(Config c) { return new RocAuc(); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=mse")
    public static final class MseFactory extends Named implements MetricFactory {
        public MseFactory() { super("mse", "mean_squared_error"); }

        @Override
        public Metric create(Config c) { return new RegressionMetric(RegressionMetric.Kind.MSE); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=mae")
    public static final class MaeFactory extends Named implements MetricFactory {
        public MaeFactory() { super("mae", "mean_absolute_error"); }

        @Override
        public Metric create(Config c) { return new RegressionMetric(RegressionMetric.Kind.MAE); }
    }

    @Component(service = MetricFactory.class, property = ComponentFactory.NAME + "=r2")
    public static final class R2Factory extends Named implements MetricFactory {
        public R2Factory() { super("r2", "r2_score"); }

        @Override
        public Metric create(Config c) { return new RegressionMetric(RegressionMetric.Kind.R2); }
    }
}
