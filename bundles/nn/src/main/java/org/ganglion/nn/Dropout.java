package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;

/**
 * Inverted dropout (Srivastava et al. 2014; the Keras and PyTorch form): in training mode each
 * element is zeroed with probability {@code rate} and the survivors are scaled by
 * {@code 1 / (1 - rate)}, so the expected activation equals the input; in eval mode (and for
 * {@code rate = 0}) the layer is the identity. Any input shape; output of the same shape.
 *
 * <p><b>Reproducible masks.</b> The mask of the n-th training call is
 * {@code rand(key.fold(n)) < 1 - rate} from the counter-based generator, so the same key and
 * counter give the same mask on every device; a fresh mask is drawn on every forward pass. The key
 * and counter live in the buffer {@code rng_state} (int64 {@code [key bits, counter]}), so a state
 * dict or checkpoint carries them and loading it resumes the mask sequence exactly;
 * {@link #counter()} / {@link #setCounter} expose the counter directly.
 */
public class Dropout extends Module implements RandomizedModule {
    private static final String STATE = "rng_state";

    private final double rate;
    private Long seed;
    private RandomKey key;
    private long counter;
    /** The buffer tensor this layer last wrote; another one means a state dict was loaded. */
    private Tensor written;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("dropout: rate must be in [0, 1), got " + rate);
        this.rate = rate;
    }

    /** Options {@code rate} (required), {@code seed}. */
    public static Dropout fromConfig(Config c) {
        Dropout d = new Dropout(c.getDouble("rate"));
        d.seed = Specs.seed(c);
        return d;
    }

    public double rate() { return rate; }

    @Override
    public RandomKey randomKey() {
        sync();
        return key;
    }

    @Override
    public void setRandomKey(RandomKey k) {
        sync();
        key = java.util.Objects.requireNonNull(k);
        write();
    }

    /** How many masks have been drawn; the next training call uses {@code key.fold(counter())}. */
    public long counter() {
        sync();
        return counter;
    }

    /** Sets the mask counter (restoring from a checkpoint that stored it separately). */
    public void setCounter(long c) {
        sync();
        counter = c;
        write();
    }

    @Override
    protected int[] doBuild(int[] inputShape) {
        sync();
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        if (!isTraining() || rate == 0) return x;
        sync();
        if (!x.dtype().isFloating()) throw new IllegalArgumentException(describe() + ": needs floating inputs, got " + x.dtype());
        // uniform draws in x's dtype (Tensor.bernoulli draws in float64, which not every device supports)
        Tensor u = Tensor.rand(key.fold(counter), x.dtype(), x.shape());
        Tensor keep = Tensor.where(u.lt(1 - rate), Tensor.scalar(1 / (1 - rate), x.dtype()), Tensor.scalar(0, x.dtype()));
        counter++;
        write();
        return x.mul(Variable.of(keep));
    }

    /** Creates the state on first use, or reads it back after a state dict replaced the buffer. */
    private void sync() {
        Tensor b = buffer(STATE);
        if (b == null) {
            key = Keys.of(seed);
            write();
        } else if (b != written) {
            long[] v = b.toLongArray();
            key = new RandomKey(v[0]);
            counter = v[1];
            written = b;
        }
    }

    private void write() {
        written = Tensor.of(new long[] {key.bits(), counter}, 2);
        setBuffer(STATE, written);
    }

    @Override
    public String typeName() { return "dropout"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", rate);
        if (seed != null) m.put("seed", seed);
        return m;
    }
}
