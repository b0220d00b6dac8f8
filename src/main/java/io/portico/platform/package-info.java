/**
 * The shared kernel every module may use: who is acting ({@link io.portico.platform.Actor}),
 * the problems a request can run into ({@link io.portico.platform.PorticoException}), and the
 * web plumbing that turns problems into each API's own error format.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.portico.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
