package io.portico.portal;

import org.springframework.stereotype.Component;

import io.portico.platform.web.AssetVersions;

/**
 * URLs of the portal's static files with a content hash ({@link AssetVersions}), so browsers may
 * cache them for a year.
 */
@Component
class PortalAssets {

    private final String stylesheet;

    PortalAssets() {
        this.stylesheet = AssetVersions.versioned(PortalWebConfiguration.STATIC_PATH, "static/portal/", "portal.css");
    }

    String stylesheet() {
        return stylesheet;
    }
}
