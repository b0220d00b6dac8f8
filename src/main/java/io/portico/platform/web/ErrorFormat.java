package io.portico.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An API family's error body. Each facade contributes one bean; the platform picks the one
 * whose {@link #handles} accepts the request path and falls back to the console's format.
 */
public interface ErrorFormat {

    boolean handles(String path);

    /** The JSON body (serialised with the application's JSON mapper) for this error. */
    Object body(ApiError error, HttpServletRequest request);
}
