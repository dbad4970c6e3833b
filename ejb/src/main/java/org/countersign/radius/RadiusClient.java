package org.countersign.radius;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.countersign.api.radius.ReplyAttribute;
import org.countersign.jpa.InstantColumn;

/**
 * A device allowed to send RADIUS requests: its source network, its shared secret (sealed, bound to
 * this row's id) and its per-client defences. The id is a UUID assigned here, so the sealed secret can
 * be bound to it before the row is written, and so rows keep their identity across replicated servers.
 */
@Entity
@Table(name = "CS_RADIUS_CLIENT")
public class RadiusClient {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NAME", length = 64, nullable = false, unique = true)
    private String name;

    @Column(name = "NETWORK", length = 64, nullable = false)
    private String network;

    @Column(name = "SEALED_SECRET", length = 512, nullable = false)
    private String sealedSecret;

    @Enumerated(EnumType.STRING)
    @Column(name = "AUTH_MODE", length = 32, nullable = false)
    private RadiusAuthMode authMode;

    @Column(name = "REQUIRE_MSG_AUTH", nullable = false)
    private boolean requireMessageAuthenticator;

    @Column(name = "LIMIT_PROXY_STATE", nullable = false)
    private boolean limitProxyState;

    /** Reply attributes, one per line: name, value and group (empty for everyone) separated by tabs. */
    @Column(name = "REPLY_ATTRIBUTES", length = 4000)
    private String replyAttributes;

    @Convert(converter = InstantColumn.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected RadiusClient() {
    }

    /** A new client with a fresh id; the caller seals the secret with {@link #secretBinding(String)} of that id. */
    public RadiusClient(String name, String network, RadiusAuthMode authMode, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.network = network;
        this.authMode = authMode;
        this.requireMessageAuthenticator = true;
        this.limitProxyState = false;
        this.updatedAt = now;
    }

    /** Applies an administrator's change of the non-secret settings. */
    public void change(String newName, String newNetwork, RadiusAuthMode newMode, boolean requireMa, boolean limitProxy, Instant now) {
        this.name = newName;
        this.network = newNetwork;
        this.authMode = newMode;
        this.requireMessageAuthenticator = requireMa;
        this.limitProxyState = limitProxy;
        this.updatedAt = now;
    }

    /** Replaces the attributes sent in Access-Accept; values are checked by {@link RadiusClientRules} first. */
    public void replyAttributes(List<ReplyAttribute> attributes) {
        StringBuilder text = new StringBuilder();
        for (ReplyAttribute a : attributes) {
            text.append(a.name()).append('\t').append(a.value()).append('\t').append(a.group() == null ? "" : a.group()).append('\n');
        }
        this.replyAttributes = text.length() == 0 ? null : text.toString();
    }

    /** @return the attributes sent in Access-Accept, in the order the administrator gave them */
    public List<ReplyAttribute> replyAttributes() {
        if (replyAttributes == null || replyAttributes.isEmpty()) {
            return List.of();
        }
        List<ReplyAttribute> list = new ArrayList<>();
        for (String line : replyAttributes.split("\n")) {
            String[] parts = line.split("\t", -1);
            if (parts.length == 3) {
                list.add(new ReplyAttribute(parts[0], parts[1], parts[2]));
            }
        }
        return List.copyOf(list);
    }

    /** The associated data a client's sealed secret is bound to: a secret copied to another row fails to unseal. */
    public static byte[] secretBinding(String clientId) {
        return ("RadiusClient/" + clientId + "/secret").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String network() {
        return network;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public void sealedSecret(String sealed, Instant now) {
        this.sealedSecret = sealed;
        this.updatedAt = now;
    }

    public RadiusAuthMode authMode() {
        return authMode;
    }

    public boolean requireMessageAuthenticator() {
        return requireMessageAuthenticator;
    }

    public boolean limitProxyState() {
        return limitProxyState;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
