package org.countersign.api.radius;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Manages RADIUS clients. Secrets are sealed at rest; changes reach the RADIUS listener within the
 * adapter's refresh period, without a restart. Every change is audited with its actor. Thread-safe.
 */
@Local
public interface RadiusClientService {

    /** @return every client, by name */
    List<RadiusClientView> list();

    /**
     * @throws InvalidRadiusClientException with a message per bad field; nothing is changed
     */
    RadiusClientView add(RadiusClientSettings settings, String actor);

    /**
     * @param settings the new settings; a {@code null} secret keeps the current one
     * @throws InvalidRadiusClientException with a message per bad field; nothing is changed
     */
    RadiusClientView update(String id, RadiusClientSettings settings, String actor);

    /** Deletes a client: its requests are dropped from the next refresh on. */
    void delete(String id, String actor);
}
