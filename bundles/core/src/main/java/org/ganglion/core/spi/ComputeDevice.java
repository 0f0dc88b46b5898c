package org.ganglion.core.spi;

import java.util.Optional;
import org.ganglion.core.DType;

/**
 * A compute device: buffers plus the primitive kernels every tensor operation reduces to.
 *
 * <p>Registered as an OSGi service with the properties {@link #PROP_ID}, {@link #PROP_KIND} and
 * {@code service.ranking}; on a plain classpath found through {@link java.util.ServiceLoader}
 * (which is why implementations should provide a public no-argument constructor).
 *
 * <p>Contract for every kernel: inputs are not modified; outputs are buffers of this device that
 * the caller allocated with the right dtype and size, and they never alias an input unless the
 * method says so. Shapes have been checked by core, so a device may assume them consistent; it
 * must still reject indices out of range with an {@link IndexOutOfBoundsException} that names the
 * index and the bound. Kernels may run on several threads but return only when the result is
 * complete and visible to {@link #download}. Implementations are thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ComputeDevice {
    /** Service property: the device's unique id, e.g. {@code cpu}, {@code opencl:0}. */
    String PROP_ID = "ganglion.device.id";
    /** Service property: {@link DeviceKind#propertyValue()}. */
    String PROP_KIND = "ganglion.device.kind";

    String id();

    DeviceKind kind();

    /** Ranking when not registered as an OSGi service (the higher, the more preferred). */
    default int ranking() { return 0; }

    /** Whether the kernels support {@code dtype} (default: all); core refuses to place other tensors here. */
    default boolean supports(DType dtype) { return true; }

    // ---- buffers -------------------------------------------------------------------------

    /** A new buffer of {@code size} elements; contents unspecified. */
    DeviceBuffer allocate(DType dtype, int size);

    /** Releases a buffer of this device. Freeing twice is an error the device may ignore. */
    void free(DeviceBuffer buffer);

    /** Copies a host array ({@link DType#ofHostArray}) into the buffer; lengths and types match. */
    void upload(DeviceBuffer dst, Object hostArray);

    /** A new host array holding the buffer's elements. */
    Object download(DeviceBuffer src);

    // ---- data movement -------------------------------------------------------------------

    /** Sets every element of {@code dst} to {@code value} (cast to its dtype; BOOL: value != 0). */
    void fill(DeviceBuffer dst, double value);

    /**
     * Copies {@code src} into {@code dst} element by element (same shape), converting the dtype
     * when they differ (float to int truncates toward zero; to BOOL means != 0). Both may be
     * strided; {@code dst} windows of one buffer never overlap themselves.
     */
    void copy(Strided src, Strided dst);

    // ---- elementwise ---------------------------------------------------------------------

    /** {@code out = op(x)}; {@code out} is contiguous with x's shape (BOOL for NOT and IS_NAN). */
    void unary(UnaryOp op, Strided x, DeviceBuffer out);

    /**
     * {@code out = a op b}; {@code a} and {@code b} have the output's shape (broadcast dimensions
     * have stride 0) and one dtype; {@code out} is contiguous.
     */
    void binary(BinaryOp op, Strided a, Strided b, DeviceBuffer out);

    /** {@code out = cond ? a : b}; cond is BOOL; all three have the output's shape; out contiguous. */
    void where(Strided cond, Strided a, Strided b, DeviceBuffer out);

    // ---- reductions and products ---------------------------------------------------------

    /**
     * Reduces the middle axis of contiguous {@code x[outer, n, inner]} into contiguous
     * {@code out[outer, inner]}. Floating sums must be reproducible: the same inputs give the same
     * bits on every call.
     */
    void reduce(ReduceOp op, DeviceBuffer x, int outer, int n, int inner, DeviceBuffer out);

    /** Batched matrix product described by {@code spec}; floating dtypes only. */
    void matmul(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out);

    // ---- indexing (index buffers are INT32 or INT64) -------------------------------------

    /** {@code out[o, j, i] = x[o, index[o, j, i], i]}; x is {@code [outer, n, inner]}, index and out {@code [outer, m, inner]}. */
    void gather(DeviceBuffer x, DeviceBuffer index, int outer, int n, int m, int inner, DeviceBuffer out);

    /** {@code out[o, index[o, j, i], i] += src[o, j, i]}; out is {@code [outer, n, inner]} and accumulates. */
    void scatterAdd(DeviceBuffer src, DeviceBuffer index, int outer, int n, int m, int inner, DeviceBuffer out);

    /** {@code out[o, j, i] = x[o, index[j], i]}; x is {@code [outer, n, inner]}, index {@code [count]}. */
    void indexSelect(DeviceBuffer x, DeviceBuffer index, int outer, int n, int count, int inner, DeviceBuffer out);

    /** {@code out[o, index[j], i] += src[o, j, i]}; out is {@code [outer, n, inner]} and accumulates. */
    void indexAdd(DeviceBuffer src, DeviceBuffer index, int outer, int n, int count, int inner, DeviceBuffer out);

    // ---- random --------------------------------------------------------------------------

    /**
     * Fills a floating buffer from {@code dist}; element {@code i} comes from
     * {@link Philox#element(long, long, int[]) Philox.element(key, i)}.
     */
    void random(RandomDistribution dist, long key, DeviceBuffer out);

    // ---- optional fused kernels ----------------------------------------------------------

    /**
     * An optional fused kernel, e.g. {@link GemmEpilogue}; empty when the device has none, in
     * which case core runs the composite version.
     */
    default <T> Optional<T> capability(Class<T> type) { return Optional.empty(); }
}
