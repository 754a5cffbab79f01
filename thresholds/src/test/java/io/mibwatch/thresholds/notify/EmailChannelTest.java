package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mibwatch.config.NotificationsConfig.StartTls;
import io.mibwatch.config.Secret;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mibwatch", "smtp-s3cr3t"));

    private static final Notification N = new Notification("n-1", "cpu|core1", NotificationKind.FIRING, Severity.CRITICAL,
            "core1 cpu 93% (Zürich)", "load5 93 > 90", Map.of("device", "core1"),
            Instant.parse("2026-03-01T10:00:00Z"));

    private static EmailChannel.Config config(StartTls tls, String password) {
        return new EmailChannel.Config("noc-mail", "127.0.0.1", SMTP.getSmtp().getPort(), tls,
                Optional.of("mibwatch"), Optional.of(Secret.of(password)), "mibwatch@nms1.example",
                List.of("noc@example.org", "oncall@example.org"), Duration.ofSeconds(5));
    }

    @Test
    void sendsOneAuthenticatedMailToEveryRecipient() throws Exception {
        new EmailChannel(config(StartTls.OFF, "smtp-s3cr3t")).send(N);
        MimeMessage[] got = SMTP.getReceivedMessages();
        assertEquals(2, got.length, "one copy per recipient mailbox");
        MimeMessage m = got[0];
        assertEquals("[mibwatch] CRITICAL FIRING: core1 cpu 93% (Zürich)", m.getSubject());
        assertEquals("n-1", m.getHeader("X-Mibwatch-Notification")[0]);
        assertEquals("cpu|core1", m.getHeader("X-Mibwatch-Alert")[0]);
        assertEquals("mibwatch@nms1.example", m.getFrom()[0].toString());
        // SMTP line endings are CRLF (RFC 5321 §2.3.8); GreenMail drops the final one
        String body = GreenMailUtil.getBody(m).replace("\r\n", "\n");
        assertEquals(EmailChannel.text(N).stripTrailing(), body.stripTrailing());
    }

    @Test
    void opportunisticStartTlsFallsBackToPlainWhenTheServerOffersNone() throws Exception {
        new EmailChannel(config(StartTls.OPPORTUNISTIC, "smtp-s3cr3t")).send(N);
        assertEquals(2, SMTP.getReceivedMessages().length);
    }

    @Test
    void requiredStartTlsRefusesAServerWithoutIt() {
        // GreenMail's SMTP does not announce STARTTLS: REQUIRED must not fall back to clear text
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new EmailChannel(config(StartTls.REQUIRED, "smtp-s3cr3t")).send(N));
        assertTrue(e.getMessage().startsWith("email noc-mail via smtp://127.0.0.1:" + SMTP.getSmtp().getPort() + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("STARTTLS is required but host does not support STARTTLS"), e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new EmailChannel(config(StartTls.OFF, "wrong-pw-123")).send(N));
        assertTrue(e.getMessage().contains("535"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw-123"), e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void configToStringDoesNotShowThePassword() {
        assertFalse(config(StartTls.OFF, "smtp-s3cr3t").toString().contains("s3cr3t"));
    }

    @Test
    void rejectsABadRecipientNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmailChannel.Config("m", "127.0.0.1", 25, StartTls.OFF, Optional.empty(),
                        Optional.empty(), "a@b.example", List.of("not an address"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("email channel 'm': to 'not an address' is not a mail address"),
                e.getMessage());
    }
}
