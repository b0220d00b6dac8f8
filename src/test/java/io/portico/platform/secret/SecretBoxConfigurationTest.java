package io.portico.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portico.platform.SecretBox;

/** The master key: taken from the setting, else generated once into the key file and reused. */
class SecretBoxConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void generatesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        Path file = dir.resolve("data/secret.key");
        var configuration = new SecretBoxConfiguration();
        SecretBox first = configuration.secretBox(new SecretsProperties(null, file.toString()));
        String sealed = first.seal("kept across restarts");
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox second = configuration.secretBox(new SecretsProperties("", file.toString()));
        assertThat(second.open(sealed)).isEqualTo("kept across restarts");
    }

    @Test
    void usesTheConfiguredKeyAndRejectsMalformedOnes() {
        var configuration = new SecretBoxConfiguration();
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        String sealed = configuration.secretBox(new SecretsProperties(key, dir.resolve("unused").toString())).seal("x");
        assertThat(configuration.secretBox(new SecretsProperties(key, "other")).open(sealed)).isEqualTo("x");
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
        assertThatThrownBy(() -> configuration.secretBox(new SecretsProperties("c2hvcnQ=", "f")))
                .hasMessageContaining("must hold 32 bytes");
        assertThatThrownBy(() -> configuration.secretBox(new SecretsProperties("not base64!", "f")))
                .hasMessageContaining("not base64");
    }
}
