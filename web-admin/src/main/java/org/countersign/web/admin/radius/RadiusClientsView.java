package org.countersign.web.admin.radius;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.countersign.api.radius.InvalidRadiusClientException;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.web.admin.ConsoleMessages;
import org.countersign.web.admin.ConsoleUser;

/** The RADIUS clients page: the list, and one form for adding or editing. */
@Named
@ViewScoped
public class RadiusClientsView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The authentication modes offered, in this order. */
    public static final List<String> AUTH_MODES = List.of("PASSWORD_AND_PASSCODE", "CHALLENGE", "PASSCODE_ONLY");

    @EJB
    private transient RadiusClientService clients;

    @Inject
    private ConsoleUser user;

    private List<RadiusClientView> list;
    private RadiusClientForm form;

    public List<RadiusClientView> getClients() {
        if (list == null) {
            list = clients.list();
        }
        return list;
    }

    public List<String> getAuthModes() {
        return AUTH_MODES;
    }

    public void add() {
        form = new RadiusClientForm();
    }

    public void edit(RadiusClientView client) {
        form = RadiusClientForm.of(client);
    }

    public void cancel() {
        form = null;
    }

    public void save() {
        try {
            if (form.isNew()) {
                clients.add(form.settings(), user.getLogin());
            } else {
                clients.update(form.getId(), form.settings(), user.getLogin());
            }
            ConsoleMessages.info("radius.saved", form.getName());
            form = null;
            list = null;
        } catch (InvalidRadiusClientException e) {
            RadiusClientForm.showErrors(e, "client:");
        }
    }

    public void delete(RadiusClientView client) {
        clients.delete(client.id(), user.getLogin());
        ConsoleMessages.info("radius.deleted", client.name());
        list = null;
        if (form != null && client.id().equals(form.getId())) {
            form = null;
        }
    }

    public RadiusClientForm getForm() {
        return form;
    }
}
