package io.portico.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(key((byte) 1));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void sealsWithAFreshNonceAndOpensAgain() {
        String a = box.seal("radius-secret");
        String b = box.seal("radius-secret");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("radius-secret");
        assertThat(box.open(a)).isEqualTo("radius-secret");
        assertThat(box.open(b)).isEqualTo("radius-secret");
    }

    @Test
    void refusesAlteredCiphertextAndOtherKeys() {
        String sealed = box.seal("stripe-key");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(key((byte) 2)).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void digestsAreStablePerKeyAndPurposeAndRevealNothing() {
        String d = box.digest("subscription-psk", "1:resident-key");
        assertThat(d).hasSize(43).isEqualTo(box.digest("subscription-psk", "1:resident-key")).doesNotContain("resident");
        assertThat(box.digest("subscription-psk", "2:resident-key")).isNotEqualTo(d);
        assertThat(box.digest("other", "1:resident-key")).isNotEqualTo(d);
        assertThat(new SecretBox(key((byte) 2)).digest("subscription-psk", "1:resident-key")).isNotEqualTo(d);
    }

    @Test
    void rejectsKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksToAtMostTheLastFourCharacters() {
        assertThat(SecretBox.mask("whsec_SAMPLEWEBHOOKSIGNINGSECRET1234567890")).isEqualTo("********7890");
        assertThat(SecretBox.mask("short")).isEqualTo("********");
        assertThat(SecretBox.mask("")).isEmpty();
    }
}
