package org.countersign.api.radius;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An attribute a RADIUS client receives in an Access-Accept, for every user or only for members of one
 * directory group (for example {@code Filter-Id = vpn-admins} for the VPN administrators).
 *
 * @param name dictionary name, such as {@code Class}, {@code Filter-Id} or {@code Session-Timeout}
 * @param value the value as text (see {@link NamedAttribute})
 * @param group the group whose members receive it: a full DN or the value of its first RDN (the group's
 *              name, such as {@code VPN-Admins}), compared without regard to case; {@code null} or blank for every user
 */
public record ReplyAttribute(String name, String value, String group) {

    public ReplyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        group = group == null || group.isBlank() ? null : group.strip();
    }

    /**
     * @param memberOf the DNs of the groups the user is a member of, lower-cased
     * @return whether a user in these groups receives this attribute
     */
    public boolean appliesTo(Set<String> memberOf) {
        if (group == null) {
            return true;
        }
        String wanted = group.toLowerCase(Locale.ROOT);
        for (String dn : memberOf) {
            if (dn.equals(wanted) || firstRdnValue(dn).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** {@code cn=vpn-admins,ou=groups,dc=example,dc=com} gives {@code vpn-admins}; a plain name gives itself. */
    private static String firstRdnValue(String dn) {
        int comma = dn.indexOf(',');
        String rdn = comma < 0 ? dn : dn.substring(0, comma);
        int eq = rdn.indexOf('=');
        return eq < 0 ? rdn.strip() : rdn.substring(eq + 1).strip();
    }

    /** @return the attribute as it goes on the wire */
    public NamedAttribute toNamed() {
        return new NamedAttribute(name, value);
    }
}
