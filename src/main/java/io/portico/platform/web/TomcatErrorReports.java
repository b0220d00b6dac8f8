package io.portico.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import io.portico.platform.Problem;

/**
 * Replaces Tomcat's HTML error page with JSON for requests Tomcat refuses before any filter or
 * servlet runs: a request line or headers over {@code server.max-http-request-header-size}, or a
 * malformed request line. Those never reach the {@code /error} controller, so the host's error
 * report valve is the only place that can answer them.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReports {

    /**
     * Runs after Spring Boot's own Tomcat customizer, which adds a plain {@link ErrorReportValve}
     * to the host; this one takes its place, and the host is told its error valve class so that it
     * does not add the default one back at start-up.
     */
    @Bean
    JsonErrorReportCustomizer jsonErrorReports(ObjectProvider<ErrorFormats> formats,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        return new JsonErrorReportCustomizer(formats, maxHeaderSize.toBytes());
    }

    record JsonErrorReportCustomizer(ObjectProvider<ErrorFormats> formats, long maxHeaderBytes)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof StandardHost host)) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve(formats, maxHeaderBytes));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Writes the error body of a request that ended in an error with no body, instead of Tomcat's HTML page. */
    static final class JsonErrorReportValve extends ErrorReportValve {

        private final ObjectProvider<ErrorFormats> formats;
        private final long maxHeaderBytes;

        JsonErrorReportValve(ObjectProvider<ErrorFormats> formats, long maxHeaderBytes) {
            this.formats = formats;
            this.maxHeaderBytes = maxHeaderBytes;
        }

        @Override
        protected void report(Request request, Response response, @Nullable Throwable throwable) {
            // The same guard as Tomcat's: only an error (sendError) that nothing has answered yet.
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String path = request.getRequestURI() == null ? "" : request.getRequestURI();
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(formats.getObject().json(error(status, throwable), request, path));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response was committed meanwhile; nothing more to say.
            }
        }

        private ApiError error(int status, @Nullable Throwable throwable) {
            if (status != Problem.INVALID_INPUT.status()) {
                return JsonErrorController.forStatus(status);
            }
            // Tomcat reports both cases as an IllegalArgumentException; only its message tells them apart.
            String cause = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
            if (cause.contains("too large")) {
                return new ApiError(Problem.INVALID_INPUT, "The request line and headers are larger than the limit of "
                        + maxHeaderBytes + " bytes.");
            }
            return new ApiError(Problem.INVALID_INPUT, "The request line or a header is malformed (not valid HTTP/1.1).");
        }
    }
}
