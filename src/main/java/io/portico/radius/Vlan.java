package io.portico.radius;

/** An IEEE 802.1Q VLAN id (1..4094), sent as Tunnel-Private-Group-Id in dynamic VLAN replies (RFC 3580). */
public record Vlan(int id) {

    public Vlan {
        if (id < 1 || id > 4094) {
            throw new IllegalArgumentException("VLAN id must be 1..4094: " + id);
        }
    }
}
