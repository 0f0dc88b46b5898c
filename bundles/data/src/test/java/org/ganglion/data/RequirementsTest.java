package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RequirementsTest {
    @Test
    void parsesTheCommaSeparatedList() {
        Requirements r = Requirements.parse(" OpenCL , fashion-mnist,,");
        assertEquals(Set.of("opencl", "fashion-mnist"), r.required());
        assertTrue(r.isRequired("fashion-mnist"));
        assertTrue(r.isRequired("opencl"));
        assertFalse(r.isRequired("mnist"));
        assertEquals(Set.of(), Requirements.parse(null).required());
        assertEquals(Set.of(), Requirements.parse("  ").required());
    }

    @Test
    void availableRunsMissingSkipsUnlessRequired() {
        Requirements r = Requirements.parse("fashion-mnist");
        assertEquals(Requirements.Decision.RUN, r.decide("fashion-mnist", true));
        assertEquals(Requirements.Decision.FAIL, r.decide("fashion-mnist", false));
        assertEquals(Requirements.Decision.SKIP, r.decide("opencl", false));
        assertTrue(r.require("opencl", true, "-"));
        assertFalse(r.require("opencl", false, "no OpenCL platform"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.require("fashion-mnist", false, "files not found"));
        assertTrue(e.getMessage().contains("GANGLION_REQUIRE=fashion-mnist") && e.getMessage().contains("files not found"), e.getMessage());
    }

    @Test
    void theJUnitWrapperAbortsTheTestWhenNotRequired() {
        assertThrows(org.opentest4j.TestAbortedException.class,
                () -> Fixtures.assumeOrRequire("not-a-real-requirement", false, "never available"));
        Fixtures.assumeOrRequire("not-a-real-requirement", true, "available");
    }
}
