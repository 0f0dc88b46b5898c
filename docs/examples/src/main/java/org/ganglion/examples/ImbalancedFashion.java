package org.ganglion.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.Resampling;
import org.ganglion.data.TensorDataset;
import org.ganglion.data.TrainTest;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.BinaryCrossentropy;
import org.ganglion.nn.Dense;
import org.ganglion.nn.FocalLoss;
import org.ganglion.nn.Seeding;
import org.ganglion.optim.Optimizers;
import org.ganglion.train.FitOptions;
import org.ganglion.train.Trainer;

/**
 * Imbalanced data: T-shirts (class 0, 6,000 images) against shirts (class 6, cut to 120 = 2%), a
 * hard pair. A plain binary classifier mostly answers "T-shirt"; class weights (Keras
 * {@code class_weight}) and focal loss with a minority α raise the recall of shirts on the balanced
 * test set, at some cost in precision.
 */
public final class ImbalancedFashion {
    private ImbalancedFashion() {}

    /** Minority (shirt) recall on the test pairs, per approach: {@code plain}, {@code class_weights}, {@code focal}. */
    public static Map<String, Double> run(boolean print) {
        TrainTest data = FashionMnist.load();
        TensorDataset train = pair(data.train());
        train = Resampling.limitClass(train, 1, 120, RandomKey.of(3));
        TensorDataset test = pair(data.test());
        Map<String, Double> recall = new LinkedHashMap<>();
        recall.put("plain", minorityRecall(train, test, new BinaryCrossentropy(), null));
        recall.put("class_weights", minorityRecall(train, test, new BinaryCrossentropy(), Map.of(0, 1.0, 1, 50.0)));
        recall.put("focal", minorityRecall(train, test, new FocalLoss(2.0, 0.98, false, Loss.Reduction.MEAN), null));
        if (print) recall.forEach((k, v) -> System.out.printf("%-14s shirt recall %.3f%n", k, v));
        return recall;
    }

    /** T-shirts (label 0) and shirts (label 6 → 1), flattened, labels as int64 classes. */
    static TensorDataset pair(TensorDataset ds) {
        long[] labels = ds.labels();
        int n = 0;
        for (long l : labels) if (l == 0 || l == 6) n++;
        int[] idx = new int[n];
        for (int i = 0, j = 0; i < labels.length; i++) if (labels[i] == 0 || labels[i] == 6) idx[j++] = i;
        TensorDataset sub = ds.subset(idx);
        return new TensorDataset(sub.x().reshape(n, 784), sub.y().eq(6).to(DType.INT64));
    }

    private static double minorityRecall(TensorDataset train, TensorDataset test, Loss loss, Map<Integer, Double> classWeights) {
        Sequential model = Seeding.seed(new Sequential(new Dense(32, "relu"), new Dense(1, "sigmoid")), 7);
        model.build(784);
        Trainer t = Trainer.compile(model, Optimizers.adam(1e-3), new FloatTargets(loss));
        FitOptions o = FitOptions.epochs(3).batchSize(64).verbose(0).seed(7);
        if (classWeights != null) o.classWeights(classWeights);
        t.fit(train, o);
        float[] p = t.predict(test.x()).toFloatArray();
        long[] y = test.labels();
        int tp = 0, pos = 0;
        for (int i = 0; i < y.length; i++) if (y[i] == 1) { pos++; if (p[i] > 0.5f) tp++; }
        return (double) tp / pos;
    }

    /** Binary losses want float targets shaped like the prediction; the dataset keeps int64 classes for class weights. */
    private record FloatTargets(Loss inner) implements Loss {
        @Override public String name() { return inner.name(); }

        @Override public org.ganglion.autograd.Variable apply(org.ganglion.autograd.Variable p, Tensor y) { return inner.apply(p, y.to(DType.FLOAT32).reshape(-1, 1)); }

        @Override public org.ganglion.autograd.Variable perSample(org.ganglion.autograd.Variable p, Tensor y) { return inner.perSample(p, y.to(DType.FLOAT32).reshape(-1, 1)); }
    }

    public static void main(String[] args) { run(true); }
}
