package io.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure (no cycles, no reaching into another module's internals) and draws it. */
class ModularityTests {

    private static final Path DIAGRAMS = Path.of("docs/modules");
    /** Element and relation lines, which the documenter writes in no stable order. */
    private static final Pattern UNORDERED = Pattern.compile("^\\s*(Rel|Container|Component|System|Person)\\(.*");

    private final ApplicationModules modules = ApplicationModules.of(PorticoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramIntoTheDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, stableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(DIAGRAMS.resolve("components.puml")).exists();
    }

    /** Sorts each run of element or relation lines, so the committed diagrams only change when the modules do. */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (UNORDERED.matcher(line).matches()) {
                run.add(line);
                continue;
            }
            Collections.sort(run);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        Collections.sort(run);
        out.addAll(run);
        return out;
    }
}
