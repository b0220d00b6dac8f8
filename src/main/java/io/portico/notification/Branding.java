package io.portico.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** The operator's look in emails: brand colour and logo, wrapped around every HTML body. */
public record Branding(String brandColor, @Nullable String logoUrl, String operatorName) {

    public Branding {
        brandColor = brandColor != null && brandColor.matches("#[0-9A-Fa-f]{6}") ? brandColor : "#000000";
        logoUrl = logoUrl != null && logoUrl.startsWith("https://") ? logoUrl : null;
        operatorName = operatorName == null ? "" : operatorName;
    }

    String wrap(String htmlBody) {
        String logo = logoUrl == null ? HtmlUtils.htmlEscape(operatorName)
                : "<img src=\"" + HtmlUtils.htmlEscape(logoUrl) + "\" alt=\"" + HtmlUtils.htmlEscape(operatorName) + "\" height=\"40\">";
        return "<!DOCTYPE html><html><body style=\"margin:0;font-family:Arial,Helvetica,sans-serif\">"
                + "<div style=\"background:" + brandColor + ";padding:16px;color:#ffffff\">" + logo + "</div>"
                + "<div style=\"padding:16px\">" + htmlBody + "</div></body></html>";
    }
}
