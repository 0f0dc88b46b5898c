package org.ganglion.core.spi;

/**
 * Shape and layout of a batched matrix product {@code out[b] = op(A[b]) · op(B[b])}, with
 * {@code op(A)} of shape {@code m × k} and {@code op(B)} of shape {@code k × n}. Each operand is a
 * row-major matrix at {@code offset + b * batchStride} of its buffer; when {@code transA} is set A is
 * stored as {@code k × m} (likewise B as {@code n × k}). A batch stride of 0 broadcasts one matrix
 * over the batch. {@code out} is contiguous {@code [batch, m, n]} and is overwritten.
 */
public record MatmulSpec(int batch, int m, int n, int k,
                         boolean transA, int aOffset, int aBatchStride,
                         boolean transB, int bOffset, int bBatchStride) {
    public MatmulSpec {
        if (batch < 0 || m < 0 || n < 0 || k < 0)
            throw new IllegalArgumentException("negative matmul size: batch=" + batch + " m=" + m + " n=" + n + " k=" + k);
    }

    /** A single contiguous, untransposed product. */
    public static MatmulSpec of(int m, int n, int k) {
        return new MatmulSpec(1, m, n, k, false, 0, 0, false, 0, 0);
    }

    /** Index of A's element (b, i, p) in its buffer. */
    public int aIndex(int b, int i, int p) {
        return aOffset + b * aBatchStride + (transA ? p * m + i : i * k + p);
    }

    /** Index of B's element (b, p, j) in its buffer. */
    public int bIndex(int b, int p, int j) {
        return bOffset + b * bBatchStride + (transB ? j * k + p : p * n + j);
    }

    public double flops() { return 2.0 * batch * m * n * k; }
}
