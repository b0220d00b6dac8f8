package io.portico.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EmailTemplateTest {

    private final EmailTemplate template = new EmailTemplate("Welcome to {venuename} {operatorname} WiFi service",
            "<p>Hello {givenname}, your key for {venuename} is <b>{psk}</b>. {unknown}</p>",
            "Hello {givenname}, your key is {psk}.");

    @Test
    void fillsTheDynamicVariables() {
        var r = template.render(Map.of("venuename", "Harbor Lofts", "operatorname", "Portico", "givenname", "Ana", "psk", "k3y"));
        assertThat(r.subject()).isEqualTo("Welcome to Harbor Lofts Portico WiFi service");
        assertThat(r.text()).isEqualTo("Hello Ana, your key is k3y.");
        assertThat(r.html()).contains("Hello Ana").contains("<b>k3y</b>");
    }

    @Test
    void escapesValuesInTheHtmlPartOnly() {
        var r = template.render(Map.of("givenname", "<script>alert(1)</script>", "psk", "a&b", "venuename", "V", "operatorname", "O"));
        assertThat(r.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>").contains("a&amp;b");
        assertThat(r.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void keepsUnknownPlaceholdersVisible() {
        assertThat(template.render(Map.of()).html()).contains("{unknown}").contains("{givenname}");
    }

    @Test
    void aValueCannotInjectHeadersThroughTheSubject() {
        var r = template.render(Map.of("venuename", "X\r\nBcc: victim@example.com", "operatorname", "O"));
        assertThat(r.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void brandingWrapsTheBodyWithColourAndLogoAndRejectsOddValues() {
        assertThat(new Branding("#12ab34", "https://cdn.example.com/logo.png", "Acme").wrap("<p>x</p>"))
                .contains("background:#12ab34").contains("<img src=\"https://cdn.example.com/logo.png\"").contains("<p>x</p>");
        assertThat(new Branding("red;position:fixed", "javascript:alert(1)", "Acme").wrap("x"))
                .contains("background:#000000").doesNotContain("javascript:");
    }
}
