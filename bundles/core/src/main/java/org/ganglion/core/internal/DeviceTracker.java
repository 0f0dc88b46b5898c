package org.ganglion.core.internal;

import java.util.Map;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.spi.ComputeDevice;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Whiteboard for {@link ComputeDevice} services: each one that appears joins the global
 * {@link DeviceRegistry} with its {@code service.ranking}; each one that leaves is evacuated while
 * it still works (DS calls unbind before the provider deactivates). Configuration pid
 * {@code org.ganglion.devices}, property {@code active}, pins a device; {@code @Modified} applies a
 * change in place, so a running training job is never restarted.
 */
@Component(immediate = true, configurationPid = "org.ganglion.devices", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DeviceTracker {
    /** Typed configuration. */
    public @interface Config {
        /** Id of the device to pin; empty for the highest ranking one. */
        String active() default "";
    }

    @Activate
    @Modified
    void configure(Config config) {
        String id = config.active();
        DeviceRegistry.global().pin(id == null || id.isBlank() ? null : id);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDevice(ComputeDevice device, Map<String, Object> properties) {
        Object r = properties.get(Constants.SERVICE_RANKING);
        DeviceRegistry.global().add(device, r instanceof Integer i ? i : device.ranking());
    }

    void removeDevice(ComputeDevice device) {
        DeviceRegistry.global().remove(device);
    }
}
