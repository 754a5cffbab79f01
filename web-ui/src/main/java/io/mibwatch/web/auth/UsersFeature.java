package io.mibwatch.web.auth;

import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User administration for admins: the page {@code /admin/users} and
 * <pre>
 * GET    /api/users              [{name, role, created}]
 * POST   /api/users              {name, role, password}
 * PUT    /api/users/{name}       {role} and/or {password}
 * DELETE /api/users/{name}
 * </pre>
 * A changed role or password ends the user's sessions (the new rights apply at the next login).
 * The last admin can be neither removed nor demoted, so the appliance never locks itself out.
 */
public final class UsersFeature implements WebFeature {
    private static final Logger LOG = LoggerFactory.getLogger(UsersFeature.class);
    private final WebAuth auth;

    public UsersFeature(WebAuth auth) {
        this.auth = auth;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.page("/admin/users", Access.ADMIN, "admin-users.html"),
                Route.get("/api/users", Access.ADMIN, this::list),
                Route.post("/api/users", Access.ADMIN, this::add),
                Route.put("/api/users/{name}", Access.ADMIN, this::change),
                Route.delete("/api/users/{name}", Access.ADMIN, this::remove));
    }

    private void list(HttpServerExchange ex) {
        Json.ok(ex, auth.users().list());
    }

    record NewUser(String name, String role, String password) {
    }

    record Change(String role, String password) {
    }

    private void add(HttpServerExchange ex) {
        NewUser n = Json.read(ex, NewUser.class);
        if (n.name() == null) {
            throw HttpError.badRequest("'name' is required");
        }
        if (n.role() == null) {
            throw HttpError.badRequest("'role' is required: reporter, viewer, operator or admin");
        }
        Role role = role(n.role());
        User u;
        try {
            u = auth.users().add(n.name(), role, password(n.password()));
        } catch (UserException e) {
            auth.users().audit().record(ex, AuditAction.USER_ADD, n.name(), false, e.getMessage());
            throw new HttpError(e.getMessage().endsWith("already exists") ? 409 : 400, e.getMessage());
        }
        LOG.info("user '{}' ({}) added by '{}'", u.name(), role.label(), Caller.required(ex).user());
        auth.users().audit().record(ex, AuditAction.USER_ADD, u.name(), true, "role " + role.label());
        Json.send(ex, 201, u);
    }

    private void change(HttpServerExchange ex) {
        String name = Json.pathParam(ex, "name");
        Change c = Json.read(ex, Change.class);
        User u = auth.users().find(name).orElseThrow(() -> HttpError.notFound("no user '" + name + "'"));
        if (c.role() == null && c.password() == null) {
            throw HttpError.badRequest("give 'role' and/or 'password'");
        }
        try {
            if (c.role() != null) {
                Role role = role(c.role());
                if (u.role() == Role.ADMIN && role != Role.ADMIN) {
                    lastAdminGuard(name, "demote");
                }
                auth.users().setRole(name, role);
            }
            if (c.password() != null) {
                auth.users().setPassword(name, password(c.password()));
            }
        } catch (UserException e) {
            auth.users().audit().record(ex, AuditAction.USER_CHANGE, name, false, e.getMessage());
            throw HttpError.badRequest(e.getMessage());
        }
        auth.sessions().removeUser(name);
        auth.users().audit().record(ex, AuditAction.USER_CHANGE, name, true, changed(c));
        LOG.info("user '{}' changed by '{}' ({}{})", name, Caller.required(ex).user(),
                c.role() == null ? "" : "role " + c.role(), c.password() == null ? "" : " password");
        Json.ok(ex, auth.users().find(name).orElseThrow());
    }

    private void remove(HttpServerExchange ex) {
        String name = Json.pathParam(ex, "name");
        auth.users().find(name).orElseThrow(() -> HttpError.notFound("no user '" + name + "'"));
        lastAdminGuard(name, "remove");
        auth.users().remove(name);
        auth.sessions().removeUser(name);
        LOG.info("user '{}' removed by '{}'", name, Caller.required(ex).user());
        auth.users().audit().record(ex, AuditAction.USER_REMOVE, name, true, "");
        ex.setStatusCode(204);
        ex.endExchange();
    }

    /** What a change did, for the audit trail: the new role, and that the password changed (never the password). */
    private static String changed(Change c) {
        String role = c.role() == null ? "" : "role " + c.role();
        String pw = c.password() == null ? "" : "password changed";
        return role.isEmpty() || pw.isEmpty() ? role + pw : role + ", " + pw;
    }

    private void lastAdminGuard(String name, String verb) {
        if (auth.users().isLastAdmin(name)) {
            throw new HttpError(409, "cannot " + verb + " '" + name + "': it is the last admin");
        }
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static char[] password(String p) {
        if (p == null) {
            throw HttpError.badRequest("'password' is required");
        }
        return p.toCharArray();
    }

}
