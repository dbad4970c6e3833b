package org.countersign.api.health;

import jakarta.ejb.Local;

/** Checks the parts a server needs to answer. Thread-safe. */
@Local
public interface HealthService {

    /** @return the state of every component checked now; never {@code null} */
    HealthReport check();
}
