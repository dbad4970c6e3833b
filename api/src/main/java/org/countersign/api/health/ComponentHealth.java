package org.countersign.api.health;

/**
 * The state of one component.
 *
 * @param up whether it works
 * @param detail a short human-readable detail (never a secret)
 */
public record ComponentHealth(boolean up, String detail) {

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(true, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(false, detail);
    }
}
