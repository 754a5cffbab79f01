package io.mibwatch.web.auth;

/** A user operation that cannot be done as asked; the message names the user and what was wrong. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
