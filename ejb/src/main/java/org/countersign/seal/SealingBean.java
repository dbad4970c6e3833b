package org.countersign.seal;

import jakarta.ejb.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** TEMPORARY placeholder until the sealing package lands: NOT sealed. Must not be committed. */
@Singleton
public class SealingBean {
    public String seal(byte[] plaintext, byte[] associatedData) {
        return "plain:" + Base64.getEncoder().encodeToString(plaintext);
    }

    public byte[] unseal(String sealed, byte[] associatedData) {
        return Base64.getDecoder().decode(sealed.substring(6));
    }
}
