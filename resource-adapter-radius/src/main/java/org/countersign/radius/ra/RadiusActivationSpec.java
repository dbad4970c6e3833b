package org.countersign.radius.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.countersign.api.radius.RadiusRequestListener;

/** Activation of the one message endpoint (the EJB module's MDB) that decides RADIUS requests. It has no properties. */
@Activation(messageListeners = RadiusRequestListener.class)
public class RadiusActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to validate: the socket settings belong to the adapter
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }
}
