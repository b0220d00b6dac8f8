package io.portico.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** Logback's {@code %redact(...)}: applies {@link LogRedactor} to whatever the inner pattern printed. */
public class RedactingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return LogRedactor.redact(in);
    }
}
