package org.ganglion.core.spi;

import org.ganglion.core.DType;

/**
 * A flat, typed block of memory owned by one device. Buffers are created by
 * {@link ComputeDevice#allocate} and released by {@link ComputeDevice#free}; core frees every
 * buffer it allocates (see {@code Tensor} for the lifetime rules), so devices never need
 * finalizers. A buffer is valid only while its device is registered.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DeviceBuffer {
    ComputeDevice device();

    DType dtype();

    /** Number of elements. */
    int size();
}
