package org.countersign.api.radius;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** RADIUS client settings that are refused, each message keyed by the field it belongs to (for display beside it). */
@ApplicationException(rollback = true)
public class InvalidRadiusClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Map<String, String> fieldErrors;

    public InvalidRadiusClientException(Map<String, String> fieldErrors) {
        super("invalid RADIUS client: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** @return field name ({@code name}, {@code network}, {@code secret}, {@code authMode}) to message */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
