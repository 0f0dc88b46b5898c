package org.ganglion.examples;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.TrainTest;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.Dense;
import org.ganglion.train.FitOptions;
import org.ganglion.train.History;
import org.ganglion.train.Trainer;

/**
 * The seed's example E1 (a Keras feed-forward network), on Fashion-MNIST: Dense(128, relu) →
 * Dense(64, relu) → Dense(10, softmax), {@code adam}, sparse categorical cross-entropy, 5 epochs,
 * batch 32, validation split 0.2; then evaluate and predict.
 *
 * <pre>
 * model = Sequential([Dense(128, 'relu', input_shape=(784,)), Dense(64, 'relu'), Dense(10, 'softmax')])
 * model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
 * model.fit(x_train, y_train, epochs=5, batch_size=32, validation_split=0.2)
 * </pre>
 */
public final class FashionMnistE1 {
    private FashionMnistE1() {}

    /** What the run produced. */
    public record Result(Sequential model, History history, Map<String, Double> test, Tensor firstPrediction) {}

    public static Result run(int epochs, int verbose) {
        TrainTest data = FashionMnist.load();
        Tensor xTrain = data.train().x().reshape(-1, 28 * 28), yTrain = data.train().y();
        Tensor xTest = data.test().x().reshape(-1, 28 * 28), yTest = data.test().y();

        Sequential model = new Sequential(new int[] {28 * 28},
                new Dense(128, "relu"),
                new Dense(64, "relu"),
                new Dense(10, "softmax"));
        if (verbose > 0) System.out.println(model.summary());

        Trainer trainer = Trainer.compile(model, "adam", "sparse_categorical_crossentropy", "accuracy");
        History history = trainer.fit(xTrain, yTrain, FitOptions.epochs(epochs).batchSize(32).validationSplit(0.2).verbose(verbose));

        Map<String, Double> test = trainer.evaluate(xTest, yTest);
        Tensor predictions = trainer.predict(xTest);
        Tensor first = predictions.slice(0, 0, 1).reshape(10);
        if (verbose > 0) {
            System.out.printf("Test accuracy: %.4f%n", test.get("accuracy"));
            System.out.println("Predictions for the first test sample: " + first);
        }
        return new Result(model, history, test, first);
    }

    public static void main(String[] args) { run(args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 5, 1); }
}
