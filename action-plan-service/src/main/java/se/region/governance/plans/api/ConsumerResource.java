package se.region.governance.plans.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.security.Roles;
import se.region.governance.plans.application.ConsumerStatus;

/** For operators: what this instance's consumer of the documents' events did, and its dead letters. */
@Path("/api/v1/plans/consumers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Consumers and dead letters")
public class ConsumerResource {

    @Inject
    ConsumerStatus status;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Per consumed topic: counters since start and the dead letters kept (count, latest)")
    public ConsumerStatus.Status consumers() {
        return status.status();
    }
}
