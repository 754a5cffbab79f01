package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mibwatch audit}: what the CLI's own actions leave in the audit trail, and the command's filters. */
class AuditCliTest {
    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        Files.createDirectories(data);
    }

    @Test
    void aSilenceAddedAndRemovedOnTheCliShowsInAuditJson() throws Exception {
        CliRun add = run("silence", "add", "--match", "device=srv1", "--for", "2h", "--comment", "CHG-42",
                "--data", data.toString());
        assertEquals(0, add.code(), add.err());
        String id = add.out().strip();
        assertEquals(0, run("silence", "remove", id, "--data", data.toString()).code());

        CliRun audit = run("audit", "--json", "--data", data.toString());
        assertEquals(0, audit.code(), audit.err());
        JsonNode entries = new ObjectMapper().readTree(audit.out());
        assertEquals(2, entries.size(), audit.out());
        JsonNode removed = entries.get(0);
        JsonNode added = entries.get(1);
        String actor = "cli:" + System.getProperty("user.name");
        assertEquals("silence_add", added.get("action").asText());
        assertEquals(id, added.get("target").asText());
        assertEquals(actor, added.get("actor").asText());
        assertEquals("cli", added.get("source").asText());
        assertTrue(added.get("ok").asBoolean());
        assertTrue(added.get("detail").asText().startsWith("device srv1, metric *, until "), added.toString());
        assertEquals("silence_remove", removed.get("action").asText());
        assertEquals(id, removed.get("target").asText());

        CliRun onlyAdds = run("audit", "--json", "--action", "silence_add", "--since", "1h", "--user", actor,
                "--data", data.toString());
        assertEquals(1, new ObjectMapper().readTree(onlyAdds.out()).size(), onlyAdds.out());
        CliRun nobody = run("audit", "--json", "--user", "nobody", "--data", data.toString());
        assertEquals(0, new ObjectMapper().readTree(nobody.out()).size(), nobody.out());
        CliRun future = run("audit", "--json", "--since", "2100-01-01T00:00:00Z", "--data", data.toString());
        assertEquals(0, new ObjectMapper().readTree(future.out()).size(), future.out());

        CliRun table = run("audit", "--data", data.toString());
        assertTrue(table.out().lines().skip(1).findFirst().orElseThrow().contains("silence_remove"), table.out());
    }

    @Test
    void userCommandsAreAuditedWithoutPasswordOrToken() throws Exception {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("a-long-secret-pw\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CliRun add;
        try {
            add = run("user", "add", "nina", "--role", "viewer", "--password-stdin", "--data", data.toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, add.code(), add.err());
        CliRun token = run("user", "token", "nina", "--data", data.toString());
        assertEquals(0, token.code(), token.err());
        CliRun audit = run("audit", "--data", data.toString());
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().contains("user_add") && audit.out().contains("token_create"), audit.out());
        assertFalse(audit.out().contains("a-long-secret-pw"), audit.out());
        assertFalse(audit.out().contains(token.out().strip()), audit.out());
    }

    @Test
    void badFiltersAreUsageErrorsNamingTheOption() {
        CliRun action = run("audit", "--action", "acked", "--data", data.toString());
        assertEquals(2, action.code());
        assertTrue(action.err().contains("--action unknown audit action 'acked': use one of login_ok"), action.err());
        CliRun since = run("audit", "--since", "yesterday", "--data", data.toString());
        assertEquals(2, since.code());
        assertTrue(since.err().contains("--since 'yesterday'"), since.err());
        CliRun limit = run("audit", "--limit", "0", "--data", data.toString());
        assertEquals(2, limit.code());
        assertTrue(limit.err().contains("--limit 0: expected 1..1000"), limit.err());
    }
}
