/**
 * The CPU device: a Vector API fp32 GEMM, fast paths for the hot elementwise kernels, and EJML
 * (embedded privately) for float64 products. Private: this bundle exports nothing, so updating it
 * never forces a refresh of any other bundle.
 */
package org.ganglion.backend.ejml;
