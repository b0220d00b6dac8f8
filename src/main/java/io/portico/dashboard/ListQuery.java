package io.portico.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;

import io.portico.platform.PorticoException;

/**
 * What a paged list's search form and pager links asked for (the venue page's units, the
 * administrators and RADIUS clients lists): read from the request, so a page re-shown after a refused
 * form keeps working.
 *
 * @param query the search text ({@code q}), stripped
 * @param page  the zero-based page ({@code page}; 0 when none)
 * @param base  the pager's links up to {@code page=} ({@code dashboard/setup-pager.jte}); {@code path} is already encoded
 */
record ListQuery(String query, int page, String base) {

    /** The request's list query on {@code path}; a page that is no number is refused. */
    static ListQuery of(HttpServletRequest request, String path) {
        String query = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
        String page = Optional.ofNullable(request.getParameter("page")).map(String::strip).orElse("");
        int number;
        try {
            number = page.isEmpty() ? 0 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw PorticoException.invalid("page", "{page} must be 0 or more.");
        }
        return new ListQuery(query, number, path + "?"
                + (query.isEmpty() ? "" : "q=" + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8) + "&"));
    }
}
