package org.tcplab.analysis;

/** The two ends of a connection: the client sent the first SYN (or is inferred), the server answered. */
public enum Role {
    CLIENT, SERVER;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** "client" or "server", as every output writes it. */
    public String label() {
        return label;
    }

    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    @Override
    public String toString() {
        return label;
    }
}
