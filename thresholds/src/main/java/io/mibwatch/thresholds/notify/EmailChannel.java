package io.mibwatch.thresholds.notify;

import io.mibwatch.config.NotificationsConfig.StartTls;
import io.mibwatch.config.Secret;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends each notification as one plain-text mail over SMTP (RFC 5321) with Jakarta Mail.
 * STARTTLS (RFC 3207) is off, opportunistic, or required; REQUIRED refuses to send in clear text
 * when the server does not offer it. The password is only handed to the SMTP AUTH exchange.
 * Headers {@code X-Mibwatch-Notification} / {@code X-Mibwatch-Alert} carry the ids, so a repeat
 * after a crash (at-least-once) can be recognised.
 */
public final class EmailChannel implements Channel {

    /**
     * @param name     channel name
     * @param host     SMTP server
     * @param port     usually 25 or 587
     * @param startTls STARTTLS mode
     * @param user     SMTP AUTH user; empty = no AUTH
     * @param password SMTP AUTH password, required with a user
     * @param from     envelope and header sender
     * @param to       recipients, at least one
     * @param timeout  connect, read and write timeout
     */
    public record Config(String name, String host, int port, StartTls startTls, Optional<String> user,
                         Optional<Secret> password, String from, List<String> to, Duration timeout) {
        public Config {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(startTls, "startTls");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(timeout, "timeout");
            to = List.copyOf(to);
            String where = "email channel '" + name + "': ";
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(where + "port " + port + " is not in 1..65535");
            }
            if (to.isEmpty()) {
                throw new IllegalArgumentException(where + "no recipients");
            }
            if (user.isPresent() != password.isPresent()) {
                throw new IllegalArgumentException(where + "user and password go together");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(where + "timeout must be positive, got " + timeout);
            }
            parse(where + "from", from);
            for (String r : to) {
                parse(where + "to", r);
            }
        }
    }

    private final Config config;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailChannel(Config config) {
        this.config = config;
        String where = "email channel '" + config.name() + "': ";
        this.from = parse(where + "from", config.from());
        this.to = config.to().stream().map(r -> parse(where + "to", r)).toArray(InternetAddress[]::new);
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        String ms = Long.toString(config.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", Boolean.toString(config.user().isPresent()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls() != StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(config.startTls() == StartTls.REQUIRED));
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<Secret> secrets() {
        return config.password().map(List::of).orElse(List.of());
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        String where = "email " + name() + " via smtp://" + config.host() + ":" + config.port();
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to);
            m.setSubject(subject(n), "UTF-8");
            m.setSentDate(Date.from(n.at()));
            m.setHeader("X-Mibwatch-Notification", n.id());
            m.setHeader("X-Mibwatch-Alert", n.alertId());
            m.setText(text(n), "UTF-8");
            if (config.user().isPresent()) {
                Transport.send(m, config.user().get(), config.password().orElseThrow().reveal());
            } else {
                Transport.send(m);
            }
        } catch (MessagingException e) {
            throw new DeliveryException(where + ": " + chain(e));
        }
    }

    /** {@code [mibwatch] CRITICAL FIRING: title}. Jakarta Mail encodes non-ASCII (RFC 2047). */
    public static String subject(Notification n) {
        return "[mibwatch] " + n.severity() + " " + n.kind() + ": " + n.title().replaceAll("[\\r\\n]+", " ");
    }

    /** The body: the notification body, then its labels and ids. */
    public static String text(Notification n) {
        StringBuilder sb = new StringBuilder(n.body()).append("\n\n");
        n.sortedLabels().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append("alert: ").append(n.alertId()).append('\n');
        sb.append("at: ").append(n.at()).append('\n');
        sb.append("notification: ").append(n.id()).append('\n');
        return sb.toString();
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
        }
        return sb.toString();
    }

    private static InternetAddress parse(String what, String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " '" + address + "' is not a mail address: " + e.getMessage());
        }
    }
}
