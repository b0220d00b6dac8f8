package io.portico.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.portico.platform.PorticoException;

/** Terms and conditions and email templates: active content is refused, formatting is kept as given. */
class ActiveContentCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<p>ok</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<body onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<p onmouseover=\"alert(1)\">hover</p>",
            "<details open ontoggle=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>body{background:url(\"javascript:alert(1)\")}</style>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<link rel=stylesheet href=\"javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<input autofocus onfocus=alert(1)>",
            "<video><source onerror=\"alert(1)\"></video>",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<marquee onstart=alert(1)>text</marquee>",
            "<scr<script>ipt>alert(1)</script>"
    })
    void rejectsActiveContentNamingWhatWasFound(String html) {
        assertThatThrownBy(() -> ActiveContentCheck.requireFormattingOnly("TandC", html))
                .isInstanceOf(PorticoException.class)
                .hasMessageStartingWith("TandC was not saved: it contains active or disallowed content (")
                .satisfies(e -> assertThat(((PorticoException) e).field()).contains("TandC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Please review and accept the terms of use to enable your Wi-Fi access. ",
            "<h1>Terms &amp; Conditions</h1><p>Please <strong>read</strong> <em>all</em> of <u>this</u>.</p>",
            "<ul><li>One</li><li>Two</li></ol><ol><li>Three</li></ol>",
            "<p>See <a href=\"https://example.com/terms\">the full terms</a> or <a href=\"mailto:legal@example.com\">write</a>.</p>",
            "<table><tr><th>Plan</th><td colspan=\"2\">100 Mbps</td></tr></table><br><hr>",
            "<p><img src=\"https://example.com/logo.png\" alt=\"logo\" width=\"120\"></p><blockquote>Quote</blockquote>"
    })
    void acceptsFormattingHtmlUnchanged(String html) {
        assertThat(ActiveContentCheck.requireFormattingOnly("TandC", html)).isEqualTo(html);
    }

    @org.junit.jupiter.api.Test
    void namesTheScriptElementAndTheEventHandler() {
        assertThatThrownBy(() -> ActiveContentCheck.requireFormattingOnly("TandC", "<script>x</script><img src=\"https://a.example/i.png\" onerror=\"x\">"))
                .hasMessageContaining("<script> element").hasMessageContaining("event-handler attribute onerror on <img>");
        assertThatThrownBy(() -> ActiveContentCheck.requireFormattingOnly("TandC", "<a href=\"javascript:alert(1)\">x</a>"))
                .hasMessageContaining("href URL on <a>");
    }

    @org.junit.jupiter.api.Test
    void aPreviewShowsTheCleanedTextAndEverythingTheSanitizerRemoved() {
        CheckedHtml checked = ActiveContentCheck.check("<h2>Rules</h2><p onclick=\"steal()\">Be kind.</p><script>alert(1)</script>");

        assertThat(checked.refused()).isTrue();
        assertThat(checked.removed()).containsExactly("event-handler attribute onclick on <p>", "<script> element");
        assertThat(checked.html()).isEqualTo("<h2>Rules</h2><p>Be kind.</p>");
        assertThat(ActiveContentCheck.check("<p>Plain <em>formatting</em></p>").refused()).isFalse();
    }
}
