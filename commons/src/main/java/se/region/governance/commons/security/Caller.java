package se.region.governance.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject, display name, unit and roles, for audit and object-level rules. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String subject() {
        String sub = jwt.getSubject();
        return sub == null ? "anonymous" : sub;
    }

    public String name() {
        Object name = jwt.getClaim("name");
        return name == null ? subject() : name.toString();
    }

    public String unit() {
        Object unit = jwt.getClaim(Roles.UNIT_CLAIM);
        return unit == null ? null : unit.toString();
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
