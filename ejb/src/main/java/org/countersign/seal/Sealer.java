package org.countersign.seal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing (NIST SP 800-38D) under the master keys: a fresh random 96-bit IV per value,
 * a 128-bit tag, and associated data that binds each value to its row. Thread-safe.
 */
public final class Sealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final MasterKeyFile keys;
    private final SecureRandom random = new SecureRandom();
    /**
     * A decrypting cipher per thread, initialised again for every value: looking the transformation up and expanding
     * the AES key for a new Cipher was a tenth of what a RADIUS request allocated. Re-initialising one with the same key
     * keeps its expanded key. Only for opening: sealing takes a new Cipher, as GCM refuses to encrypt twice after one init.
     */
    private final ThreadLocal<Cipher> opening = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new SealException("AES/GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    });

    public Sealer(MasterKeyFile keys) {
        this.keys = keys;
    }

    /**
     * Seals a secret under the active key.
     *
     * @param plaintext the secret
     * @param associatedData what the value belongs to, such as {@code Token/<id>/seed}; needed again to open it
     */
    public SealedValue seal(byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = init(Cipher.getInstance(TRANSFORMATION), Cipher.ENCRYPT_MODE, keys.activeKey(), iv, associatedData);
            return new SealedValue(keys.activeKeyId(), iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new SealException("sealing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws SealException if it was damaged, belongs to other associated data, or its key is not in the file
     */
    public byte[] unseal(SealedValue sealed, byte[] associatedData) {
        SecretKey key = keys.key(sealed.keyId());
        if (sealed.iv().length != IV_BYTES) {
            throw new SealException("sealed value has a malformed IV");
        }
        try {
            return init(opening.get(), Cipher.DECRYPT_MODE, key, sealed.iv(), associatedData).doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new SealException("sealed value failed its integrity check: damaged, or copied from another row", e);
        } catch (GeneralSecurityException e) {
            throw new SealException("sealed value cannot be opened: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Opens a sealed value in its column form ({@link SealedValue#encode}); throws {@link SealException} when it cannot. */
    public byte[] unseal(String sealed, byte[] associatedData) {
        return unseal(SealedValue.decode(sealed), associatedData);
    }

    private static Cipher init(Cipher cipher, int mode, SecretKey key, byte[] iv, byte[] associatedData) throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    @Override
    public String toString() {
        return "Sealer[" + keys + "]";
    }
}
