package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.portico.platform.PorticoException;

class MoneyTest {

    @Test
    void keepsMinorUnitsAndAnUpperCaseIsoCurrency() {
        Money price = new Money(499, " usd ");

        assertThat(price.currency()).isEqualTo("USD");
        assertThat(price.stripeCurrency()).isEqualTo("usd");
        assertThat(price.display()).isEqualTo("4.99 USD");
        assertThat(new Money(500, "JPY").display()).isEqualTo("500 JPY");
        assertThat(new Money(1234, "BHD").display()).isEqualTo("1.234 BHD");
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> new Money(-1, "USD")).isInstanceOf(PorticoException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Money(100, "XYZ1")).isInstanceOf(PorticoException.class).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new Money(100, "ZZZ")).isInstanceOf(PorticoException.class);
    }
}
