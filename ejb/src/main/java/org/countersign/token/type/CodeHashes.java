package org.countersign.token.type;

/** Checks an offered code against a stored keyed hash; supplied by the token service so types never see key material. */
@FunctionalInterface
public interface CodeHashes {

    /**
     * @param storedHash the keyed hash stored for the token's current code
     * @param offered the code the user typed (ASCII digits)
     * @return whether they match, compared in constant time
     */
    boolean matches(String storedHash, String offered);
}
