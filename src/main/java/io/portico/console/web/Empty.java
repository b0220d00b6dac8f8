package io.portico.console.web;

/** The body of a console route that takes no fields: {@code {}} (or no body); any field is a 400 naming it. */
record Empty() {
}
