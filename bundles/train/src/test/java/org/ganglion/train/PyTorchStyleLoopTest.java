package org.ganglion.train;

import static org.junit.jupiter.api.Assertions.*;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.data.Batch;
import org.ganglion.data.DataLoader;
import org.ganglion.data.TensorDataset;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.CrossEntropy;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Seeding;
import org.ganglion.optim.Optimizers;
import org.junit.jupiter.api.Test;

/** The explicit PyTorch-style loop: forward, loss, zeroGrad, backward, optimizer.step(). */
class PyTorchStyleLoopTest {
    @Test
    void anExplicitLoopTrainsAModel() {
        TensorDataset data = TrainerTest.blobs(300, 8);
        Sequential model = Seeding.seed(new Sequential(new Dense(16, "relu"), new Dense(3)), 8);
        model.build(2);
        Loss criterion = new CrossEntropy(Loss.Reduction.MEAN);
        Optimizer optimizer = Optimizers.adam(0.01);
        DataLoader loader = DataLoader.builder(data).batchSize(32).shuffle(8).build();
        double first = Double.NaN, last = Double.NaN;
        for (int epoch = 0; epoch < 20; epoch++) {
            try (DataLoader.Iteration it = loader.epoch(epoch)) {
                for (Batch b : it) {
                    Variable logits = model.call(Variable.of(b.x()));
                    Variable loss = criterion.apply(logits, b.y());
                    model.parameters().forEach(p -> p.zeroGrad());
                    loss.backward();
                    optimizer.step(model.namedParameters());
                    if (Double.isNaN(first)) first = loss.item();
                    last = loss.item();
                }
            }
        }
        assertTrue(last < first / 5, "loss fell from " + first + " to " + last);
        Tensor pred = model.call(data.x()).argmax(1, false);
        double acc = pred.eq(data.y()).to(org.ganglion.core.DType.FLOAT32).mean().item();
        assertTrue(acc > 0.95, "accuracy " + acc);
    }
}
