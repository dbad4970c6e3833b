package org.countersign.web.secserver;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.countersign.api.health.HealthReport;
import org.countersign.api.health.HealthService;
import org.countersign.api.health.HealthView;

/** {@code GET /api/health}: 200 with the report when every component is up, 503 with it otherwise. */
@RequestScoped
@Path("health")
public class HealthResource {

    @EJB
    private HealthService health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        HealthReport report = health.check();
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new HealthView(report)).build();
    }
}
