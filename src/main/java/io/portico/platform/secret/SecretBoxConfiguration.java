package io.portico.platform.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.portico.platform.SecretBox;

/** Builds the one {@link SecretBox} from {@code portico.secrets.key} or the generated key file. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretBoxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretBoxConfiguration.class);

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        String configured = properties.key();
        if (configured != null && !configured.isBlank()) {
            return new SecretBox(decode(configured.strip(), "portico.secrets.key"));
        }
        return new SecretBox(decode(readOrCreate(Path.of(properties.keyFile())), properties.keyFile()));
    }

    static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length != 32) {
                throw new IllegalStateException(where + " must hold 32 bytes in base64 (e.g. `openssl rand -base64 32`), got " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64 (create one with `openssl rand -base64 32`)", e);
        }
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            try {
                Files.writeString(file, encoded + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } else {
                log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
            }
            log.warn("Generated a new secrets key in {}: back it up; sealed secrets cannot be read without it "
                    + "(set PORTICO_SECRETS_KEY in production).", file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
        }
    }
}
