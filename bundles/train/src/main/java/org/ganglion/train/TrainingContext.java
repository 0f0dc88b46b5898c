package org.ganglion.train;

import org.ganglion.graph.Module;
import org.ganglion.graph.Optimizer;

/** What a callback may see and do during a fit. */
@org.osgi.annotation.versioning.ProviderType
public interface TrainingContext {
    Module model();

    Optimizer optimizer();

    Trainer trainer();

    /** Logs of the epochs finished so far. */
    History history();

    /** Total epochs requested. */
    int epochs();

    /** Batches per epoch. */
    int stepsPerEpoch();

    /** Asks the loop to stop after the current step (EarlyStopping, TerminateOnNaN). */
    void stopTraining(String reason);

    boolean stopRequested();
}
