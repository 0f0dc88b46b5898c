package org.ganglion.core.spi;

/** What kind of hardware a device drives; published as the {@code ganglion.device.kind} property. */
public enum DeviceKind {
    CPU, GPU, ACCELERATOR, REFERENCE;

    /** The property value: lower-case name. */
    public String propertyValue() { return name().toLowerCase(java.util.Locale.ROOT); }
}
