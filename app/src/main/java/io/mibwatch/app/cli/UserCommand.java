package io.mibwatch.app.cli;

import io.mibwatch.web.auth.User;
import io.mibwatch.web.auth.UserException;
import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.http.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch user add|passwd|remove|list|token}: web UI users in {@code DATA/web.db}. Passwords
 * come from a prompt (asked twice, not echoed) or, for scripts, the first line of standard input
 * ({@code --password-stdin}); never from the command line, where {@code ps} and shell history would show them.
 */
@Command(name = "user", description = "Manage web UI users and their API tokens.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class,
                UserCommand.ListUsers.class, UserCommand.Token.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The user database ({@code DATA/web.db}) in the data directory {@code where} picks, which must exist. */
    static UserStore open(DataOptions where) {
        try {
            return UserStore.open(where.existingDataDir().usersDb(), Clock.systemUTC());
        } catch (UserException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean stdin;

        char[] read(String user) {
            if (stdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isEmpty()) {
                        throw new CliFailure("--password-stdin: standard input is empty", ExitCodes.USAGE);
                    }
                    return line.toCharArray();
                } catch (IOException e) {
                    throw new CliFailure("--password-stdin: cannot read standard input: " + e.getMessage());
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new CliFailure("no terminal to ask for the password of '" + user + "'; use --password-stdin",
                        ExitCodes.USAGE);
            }
            char[] first = console.readPassword("password for %s: ", user);
            char[] second = console.readPassword("again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CliFailure("the two passwords differ; nothing changed", ExitCodes.USAGE);
            }
            Arrays.fill(second, '\0');
            return first;
        }
    }

    static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--role: " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    @Command(name = "add", description = "Add a user (roles: viewer, operator, admin, reporter).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions where;
        @Mixin
        PasswordSource password;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator, admin or reporter")
        String role;

        @Override
        public Integer call() {
            Role r = role(role);
            try {
                UserStore.checkName(name);
            } catch (UserException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            try (UserStore users = open(where)) {
                if (users.find(name).isPresent()) {
                    throw new CliFailure("user '" + name + "' already exists (change it with `mibwatch user passwd`)");
                }
                char[] pw = password.read(name);
                try {
                    users.add(name, r, pw);
                } catch (UserException e) {
                    throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
                } finally {
                    Arrays.fill(pw, '\0');
                }
                CliAudit.record(users.audit(), AuditAction.USER_ADD, name, true, "role " + r.label());
            }
            spec.commandLine().getOut().println("added " + name + " (" + r.label() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "passwd", description = "Set a user's password (logs the user out of running servers at the next restart).")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions where;
        @Mixin
        PasswordSource password;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (UserStore users = open(where)) {
                if (users.find(name).isEmpty()) {
                    throw new CliFailure("no user '" + name + "'");
                }
                char[] pw = password.read(name);
                try {
                    users.setPassword(name, pw);
                } catch (UserException e) {
                    throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
                } finally {
                    Arrays.fill(pw, '\0');
                }
                CliAudit.record(users.audit(), AuditAction.USER_CHANGE, name, true, "password changed");
            }
            spec.commandLine().getOut().println("password of " + name + " changed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Remove a user and its API tokens.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions where;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (UserStore users = open(where)) {
                users.find(name).orElseThrow(() -> new CliFailure("no user '" + name + "'"));
                if (users.isLastAdmin(name)) {
                    throw new CliFailure("'" + name + "' is the last admin; add another admin first");
                }
                users.remove(name);
                CliAudit.record(users.audit(), AuditAction.USER_REMOVE, name, true, "");
            }
            spec.commandLine().getOut().println("removed " + name);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions where;
        @Option(names = "--json", description = "JSON for scripts")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<User> list;
            try (UserStore users = open(where)) {
                list = users.list();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(io.mibwatch.web.http.Json.MAPPER.writeValueAsString(list));
            } else {
                out.printf("%-24s %-9s %s%n", "NAME", "ROLE", "CREATED");
                for (User u : list) {
                    out.printf("%-24s %-9s %s%n", u.name(), u.role().label(), u.created());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", description = "Create an API token for a user (for scripts: Authorization: Bearer TOKEN); printed once.")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions where;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--revoke-all", description = "revoke every token of the user instead")
        boolean revoke;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (UserStore users = open(where)) {
                if (users.find(name).isEmpty()) {
                    throw new CliFailure("no user '" + name + "'");
                }
                if (revoke) {
                    int n = users.revokeTokens(name);
                    CliAudit.record(users.audit(), AuditAction.TOKEN_REVOKE, name, true, n + " token(s)");
                    out.println("revoked " + n + " token(s) of " + name);
                } else {
                    // the only time the token is shown: only its SHA-256 is stored (and never in the audit trail)
                    String token = users.createToken(name);
                    CliAudit.record(users.audit(), AuditAction.TOKEN_CREATE, name, true, "");
                    out.println(token);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
