package io.portico;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PorticoApplicationTest {

    @Test
    void demoFlagBecomesTheDemoProperty() {
        assertThat(PorticoApplication.translateArguments(new String[] {"--demo", "--server.port=9000"}, null))
                .containsExactly("--server.port=9000", "--portico.demo.enabled=true");
    }

    @Test
    void demoEnvironmentVariableDoesTheSame() {
        assertThat(PorticoApplication.translateArguments(new String[0], "TRUE")).containsExactly("--portico.demo.enabled=true");
    }

    @Test
    void withoutEitherNothingIsAdded() {
        assertThat(PorticoApplication.translateArguments(new String[] {"--x=1"}, "false")).containsExactly("--x=1");
    }
}
