package io.portico.connection;

/** What {@link AccountingWriter#record} did with a packet. */
public enum AccountingOutcome {
    /** Stored or merged into its guest connection (a retransmission changes nothing). */
    RECORDED,
    /**
     * Not a guest connection: no hotspot of the operator has the packet's NAS-Identifier, or the
     * packet names no device. With its NAS side ({@link AccountingRecord#nas()}) it is stored as its
     * NAS's session (no client, hotspot or guest; in no report) for Disconnect, Accounting-On/Off
     * and the stale sweep; without, nothing is stored.
     */
    UNKNOWN_HOTSPOT
}
