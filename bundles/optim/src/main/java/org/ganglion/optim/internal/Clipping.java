package org.ganglion.optim.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * Gradient clipping (Pascanu, Mikolov &amp; Bengio 2013, "On the difficulty of training recurrent
 * neural networks"), the three forms Keras offers as {@code clipvalue}, {@code clipnorm} and
 * {@code global_clipnorm}. Norms are L2 norms computed on the device, so nothing is read back to
 * the host; a gradient within the limit passes through unchanged (bit for bit).
 */
public final class Clipping {
    private Clipping() {}

    /** Each element limited to {@code [-limit, limit]}. */
    public static final class ByValue extends Stateless {
        private final double limit;

        public ByValue(double limit) {
            Checks.positive("clipvalue", limit);
            this.limit = limit;
        }

        @Override
        protected Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params) {
            return each(grads, g -> g.clamp(-limit, limit));
        }

        @Override
        public String toString() { return "clipByValue(" + limit + ")"; }
    }

    /** Each tensor separately: {@code g · max / ‖g‖} when {@code ‖g‖ > max} (TensorFlow's {@code clip_by_norm}). */
    public static final class ByNorm extends Stateless {
        private final double maxNorm;

        public ByNorm(double maxNorm) {
            Checks.positive("clipnorm", maxNorm);
            this.maxNorm = maxNorm;
        }

        @Override
        protected Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params) {
            return each(grads, g -> scaleDown(g, g.square().sum().sqrt(), maxNorm));
        }

        @Override
        public String toString() { return "clipByNorm(" + maxNorm + ")"; }
    }

    /**
     * All tensors together: with {@code N = √(Σ‖g_i‖²)}, every {@code g_i · max / N} when
     * {@code N > max} (TensorFlow's {@code clip_by_global_norm}, PyTorch's {@code clip_grad_norm_}
     * without its 1e-6). The squares are summed per tensor in its dtype, then across tensors in
     * float64.
     */
    public static final class ByGlobalNorm extends Stateless {
        private final double maxNorm;

        public ByGlobalNorm(double maxNorm) {
            Checks.positive("global_clipnorm", maxNorm);
            this.maxNorm = maxNorm;
        }

        @Override
        protected Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params) {
            if (grads.isEmpty()) return new LinkedHashMap<>(grads);
            Tensor total = null;
            for (Tensor g : grads.values()) {
                Tensor sq = g.square().sum().to(DType.FLOAT64);
                total = total == null ? sq : total.add(sq);
            }
            Tensor norm = total.sqrt();
            return each(grads, g -> scaleDown(g, norm.to(g.dtype()), maxNorm));
        }

        @Override
        public String toString() { return "clipByGlobalNorm(" + maxNorm + ")"; }
    }

    /** {@code norm > max ? g·max/norm : g}; {@code norm} is a rank-0 tensor of g's dtype. */
    static Tensor scaleDown(Tensor g, Tensor norm, double max) {
        return Tensor.where(norm.gt(max), g.mul(max).div(norm), g);
    }
}
