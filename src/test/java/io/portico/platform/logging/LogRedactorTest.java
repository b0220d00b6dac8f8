package io.portico.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET \"/v2/zapier/client/ping?api_token=ptk_SECRET123\", parameters={masked} | ptk_SECRET123",
            "GET /v2/guests/get?guest_token=abc&api_token=SECRET456 | SECRET456",
            "{\"AccessToken\": \"SECRET789\", \"ClientID\": 1} | SECRET789",
            "{\"EmailAddress\":\"a@b.c\",\"Password\":\"hunter2hunter2\"} | hunter2hunter2",
            "Authorization: Bearer eyJSECRETtoken | eyJSECRETtoken",
            "RadiusSecret=s3cr3tvalue other=1 | s3cr3tvalue",
            "refresh_token: R3FR3SH | R3FR3SH"
    })
    void masksCredentialsWhereverTheyAppear(String line, String secret) {
        String redacted = LogRedactor.redact(line);
        assertThat(redacted).doesNotContain(secret).contains(LogRedactor.MASK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Started PorticoApplication in 3.1 seconds",
            "GET /v2/client/connections?from=2026-01-01&to=2026-01-02"
    })
    void leavesOrdinaryLinesAlone(String line) {
        assertThat(LogRedactor.redact(line)).isEqualTo(line);
    }
}
