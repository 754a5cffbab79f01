package io.mibwatch.app.cli;

import io.mibwatch.config.HttpConfig;

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
}
