package org.countersign.web.admin.radius;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.countersign.api.radius.InvalidRadiusClientException;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.api.radius.ReplyAttribute;
import org.countersign.web.admin.ConsoleMessages;

/**
 * The fields of one RADIUS client as a form edits them, shared by the RADIUS clients page and the setup
 * wizard. Reply attributes are edited as lines {@code Name = value} or {@code Name = value @ group}.
 */
public class RadiusClientForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String name;
    private String network;
    private String secret;
    private String authMode = "PASSWORD_AND_PASSCODE";
    private boolean requireMessageAuthenticator = true;
    private boolean limitProxyState;
    private String replyAttributes = "";

    /** @return a form filled with an existing client (the secret stays empty: empty keeps the current one) */
    public static RadiusClientForm of(RadiusClientView view) {
        RadiusClientForm form = new RadiusClientForm();
        form.id = view.id();
        form.name = view.name();
        form.network = view.network();
        form.authMode = view.authMode();
        form.requireMessageAuthenticator = view.requireMessageAuthenticator();
        form.limitProxyState = view.limitProxyState();
        StringBuilder lines = new StringBuilder();
        for (ReplyAttribute a : view.replyAttributes()) {
            lines.append(a.name()).append(" = ").append(a.value()).append(a.group() == null ? "" : " @ " + a.group()).append('\n');
        }
        form.replyAttributes = lines.toString();
        return form;
    }

    /** @return the settings to send to the service; {@code null} secret on an edit with the field left empty */
    public RadiusClientSettings settings() {
        return new RadiusClientSettings(name, network, secret == null || secret.isEmpty() ? null : secret, authMode,
                requireMessageAuthenticator, limitProxyState, parseReplies());
    }

    private List<ReplyAttribute> parseReplies() {
        List<ReplyAttribute> list = new ArrayList<>();
        for (String line : (replyAttributes == null ? "" : replyAttributes).split("\\R")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            String attrName = eq < 0 ? t : t.substring(0, eq).strip();
            String rest = eq < 0 ? "" : t.substring(eq + 1);
            int at = rest.lastIndexOf('@');
            String group = at < 0 ? null : rest.substring(at + 1).strip();
            String value = (at < 0 ? rest : rest.substring(0, at)).strip();
            list.add(new ReplyAttribute(attrName, value, group));
        }
        return list;
    }

    /**
     * Shows each refused field's message beside its input.
     *
     * @param formPrefix the client id prefix of the inputs, such as {@code client:}
     */
    public static void showErrors(InvalidRadiusClientException e, String formPrefix) {
        for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
            ConsoleMessages.errorText(formPrefix + error.getKey(), error.getValue());
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    public String getSecret() {
        return null;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getAuthMode() {
        return authMode;
    }

    public void setAuthMode(String authMode) {
        this.authMode = authMode;
    }

    public boolean isRequireMessageAuthenticator() {
        return requireMessageAuthenticator;
    }

    public void setRequireMessageAuthenticator(boolean requireMessageAuthenticator) {
        this.requireMessageAuthenticator = requireMessageAuthenticator;
    }

    public boolean isLimitProxyState() {
        return limitProxyState;
    }

    public void setLimitProxyState(boolean limitProxyState) {
        this.limitProxyState = limitProxyState;
    }

    public String getReplyAttributes() {
        return replyAttributes;
    }

    public void setReplyAttributes(String replyAttributes) {
        this.replyAttributes = replyAttributes;
    }
}
