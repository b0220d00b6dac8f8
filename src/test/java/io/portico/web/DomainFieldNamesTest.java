package io.portico.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.portico.console.web.ConsoleFieldNames;
import io.portico.guestapi.web.GuestApiFieldNames;
import io.portico.platform.PorticoException;
import io.portico.platform.web.ApiError;
import io.portico.platform.Problem;

/**
 * Modules raise errors in their own field names and the facades map them: every field a module
 * names in a {@link PorticoException} (or a {@code Text} or range check) has a wire name in the console or
 * the guest API, and no module spells a wire name itself.
 */
class DomainFieldNamesTest {

    private static final Path MAIN = Path.of("src/main/java/io/portico");
    /**
     * Facades and the shared kernel speak wire names or none; demo data only calls modules; the
     * portal facade answers guests on pages, not in a wire format.
     */
    private static final Set<String> NOT_DOMAIN = Set.of("console", "guestapi", "platform", "demo", "portal", "dashboard");

    private static final Pattern THROWN = Pattern.compile("PorticoException\\.\\w+\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern FIRST_ARGUMENT = Pattern.compile("^\\s*\"([^\"]+)\"\\s*,");
    private static final Pattern TEXT_CHECK = Pattern.compile("\\b(?:Text\\.\\w+|text|url|port|ssids|range|positive|requireFormattingOnly)\\(\\s*\"([A-Za-z][A-Za-z0-9_.]*)\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyDomainFieldHasAWireNameInAFacade() throws IOException {
        Map<String, Set<String>> unmapped = new TreeMap<>();
        domainFields().forEach((field, files) -> {
            if (ConsoleFieldNames.wireName(field) == null && GuestApiFieldNames.wireName(field) == null) {
                unmapped.put(field, files);
            }
        });
        assertThat(unmapped).as("domain fields without a wire name in ConsoleFieldNames or GuestApiFieldNames").isEmpty();
    }

    @Test
    void modulesNameFieldsInJavaSpelling() throws IOException {
        Map<String, Set<String>> wireSpelled = new TreeMap<>();
        domainFields().forEach((field, files) -> {
            if (!field.matches("[a-z][A-Za-z0-9]*")) {
                wireSpelled.put(field, files);
            }
        });
        assertThat(wireSpelled).as("fields spelled as a wire format inside a module").isEmpty();
    }

    @Test
    void facadesRenderDomainNamesInTheirOwnWords() {
        ApiError error = new ApiError(Problem.INVALID_INPUT, "{endsAt} must be after {startsAt}; {prices}.USD; {unknown}.", "endsAt", null);

        ApiError console = error.named(ConsoleFieldNames::wireName);

        assertThat(console.message())
                .isEqualTo("EndDateTimeUTC.ISO8601 must be after StartDateTimeUTC.ISO8601; BillingCyclePrice.USD; {unknown}.");
        assertThat(console.field()).isEqualTo("EndDateTimeUTC.ISO8601");
        assertThat(new PorticoException(Problem.INVALID_INPUT, "{to} must be after {from}.").getMessage())
                .isEqualTo("to must be after from.");
        assertThat(error.named(GuestApiFieldNames::wireName).message()).isEqualTo(error.message());
    }

    @Test
    void aFieldPathNamesOnlyItsFirstNameAsAField() {
        String message = PorticoException.ref("emailTemplates.en-us.Subject") + " was not saved.";

        assertThat(message).isEqualTo("{emailTemplates}.en-us.Subject was not saved.");
        assertThat(PorticoException.render(message, ConsoleFieldNames::wireName)).isEqualTo("EmailConfiguration.en-us.Subject was not saved.");
        assertThat(ConsoleFieldNames.wireName("emailTemplates.en-us.Subject")).isEqualTo("EmailConfiguration.en-us.Subject");
    }

    /** Every field name a module's exceptions and text checks use, with the files using it. */
    private static Map<String, Set<String>> domainFields() throws IOException {
        Map<String, Set<String>> fields = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (NOT_DOMAIN.contains(module(relative))) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher thrown = THROWN.matcher(source);
                while (thrown.find()) {
                    String arguments = thrown.group(1);
                    Matcher first = FIRST_ARGUMENT.matcher(arguments);
                    if (first.find()) {
                        fields.computeIfAbsent(first.group(1), k -> new TreeSet<>()).add(relative);
                    }
                    Matcher literal = LITERAL.matcher(arguments);
                    while (literal.find()) {
                        for (String named : PorticoException.fieldsIn(literal.group(1))) {
                            fields.computeIfAbsent(named, k -> new TreeSet<>()).add(relative);
                        }
                    }
                }
                Matcher checked = TEXT_CHECK.matcher(source);
                while (checked.find()) {
                    // a path such as "samlProviders." + name names its first part as the field
                    String field = checked.group(1).split("\\.")[0];
                    fields.computeIfAbsent(field, k -> new TreeSet<>()).add(relative);
                }
            }
        }
        return fields;
    }

    private static String module(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
