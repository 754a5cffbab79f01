package io.mibwatch.app.cli;

import io.mibwatch.config.HttpConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** Where {@code serve} and {@code demo} put the web UI: --http-listen, else http.listen, else the command's default. */
final class HttpListen {
    private HttpListen() {
    }

    static HttpConfig.Listen choose(String option, HttpConfig http, HttpConfig.Listen commandDefault) {
        if (option == null) {
            return http.listenOr(commandDefault);
        }
        try {
            return HttpConfig.Listen.parse(option);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--http-listen '" + option + "': " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** Where {@link #choose} found the address, for messages: the option, the config key, or the default. */
    static String source(String option, HttpConfig http, Path configFile) {
        if (option != null) return "--http-listen " + option;
        if (http.listen().isPresent()) return "http.listen in " + configFile;
        return "the command's default; choose another with --http-listen HOST:PORT";
    }

    /**
     * Fails, naming {@code HOST:PORT} and where it came from, when the address cannot be listened
     * on (in use, not local, a privileged port), so that serve stops before it creates or prints
     * anything. Port 0 (any free port) always can. A listener that takes the port between this
     * check and the server's bind still fails the start, naming the address.
     */
    static void requireFree(HttpConfig.Listen listen, String source) {
        if (listen.port() == 0) return;
        String address = (listen.host().contains(":") ? "[" + listen.host() + "]" : listen.host()) + ":" + listen.port();
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the web server's own listener: a TIME_WAIT port is free
            probe.bind(new InetSocketAddress(InetAddress.getByName(listen.host()), listen.port()));
        } catch (BindException e) {
            String why = e.getMessage() != null && e.getMessage().contains("in use")
                    ? "the address is already in use (another mibwatch serve or web server?)" : e.getMessage();
            throw new CliFailure("cannot listen on " + address + " (" + source + "): " + why);
        } catch (UnknownHostException e) {
            throw new CliFailure("cannot listen on " + address + " (" + source + "): unknown host " + listen.host());
        } catch (IOException e) {
            throw new CliFailure("cannot listen on " + address + " (" + source + "): " + e.getMessage());
        }
    }
}
