package io.portico.guest;

/**
 * How a one-time portal credential in an Access-Request fared ({@link GuestPortalService#useCredential}).
 * Only {@link #ACCEPTED} lets the device on; the others name why not, for the Reply-Message and the log.
 */
public enum PortalCredentialCheck {
    ACCEPTED, UNKNOWN, EXPIRED, USED, OTHER_DEVICE, WRONG_PASSWORD
}
