/** Internals of the data bundle: Philox shuffling, the prefetch thread, CSV tokenizing, dataset files. Private. */
package org.ganglion.data.internal;
