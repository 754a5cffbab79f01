package io.mibwatch.app.cli;

/**
 * A command-line target {@code HOST[:PORT]}; IPv6 literals in brackets ({@code [::1]:161}).
 */
public record HostPort(String host, int port) {

    public static HostPort parse(String text, int defaultPort) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty target; expected HOST[:PORT]");
        }
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("target '" + text + "': missing ']' after IPv6 address");
            }
            String host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.isEmpty()) return new HostPort(host, defaultPort);
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("target '" + text + "': expected ':PORT' after ']'");
            }
            return new HostPort(host, port(text, rest.substring(1)));
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0 || t.indexOf(':') != colon) {
            // no port, or a bare IPv6 literal without brackets
            return new HostPort(t, defaultPort);
        }
        return new HostPort(t.substring(0, colon), port(text, t.substring(colon + 1)));
    }

    private static int port(String text, String p) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target '" + text + "': port '" + p + "' is not 1-65535");
        }
    }
}
