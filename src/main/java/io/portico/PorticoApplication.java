package io.portico;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the one Portico deployable: both HTTP APIs, and (as later modules add them) the
 * RADIUS listeners and engines. {@code --demo} or {@code PORTICO_DEMO=true} loads demo data.
 */
// Modules are independent and may reuse a simple class name: bean names are fully qualified so
// they never collide.
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class PorticoApplication {

    public static void main(String[] args) {
        SpringApplication.run(PorticoApplication.class, translateArguments(args, System.getenv("PORTICO_DEMO")));
    }

    /** Turns the operator-friendly {@code --demo} flag and {@code PORTICO_DEMO} into a property. */
    static String[] translateArguments(String[] args, String demoEnv) {
        List<String> out = new ArrayList<>();
        boolean demo = "true".equalsIgnoreCase(demoEnv);
        for (String arg : args) {
            if (arg.equals("--demo")) {
                demo = true;
            } else {
                out.add(arg);
            }
        }
        if (demo) {
            out.add("--portico.demo.enabled=true");
        }
        return out.toArray(String[]::new);
    }
}
