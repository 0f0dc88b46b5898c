/** The reference device: plain loops, the specification every other device is tested against. Private. */
package org.ganglion.core.reference;
