package io.portico.platform;

/**
 * The kinds of failure a caller can cause or meet, with the HTTP status each API answers for
 * them. Both API facades render these in their own error format.
 */
public enum Problem {
    INVALID_INPUT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    Problem(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
