package org.countersign.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's resource bundle ({@code msg} in pages) for beans: texts by key, and Faces messages built from them. */
public final class ConsoleMessages {

    /** The bundle's base name, as registered in faces-config.xml. */
    public static final String BUNDLE = "org.countersign.web.admin.messages";

    private ConsoleMessages() {
    }

    /** @return the text of {@code key} in the viewer's locale, formatted with {@code args}; {@code ???key???} when missing */
    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** Adds an error message for the component {@code clientId} (or the page when {@code null}). */
    public static void error(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
    }

    /** Adds an information message for the page. */
    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    /** Adds an information message for the component {@code clientId}, shown beside it. */
    public static void infoFor(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_INFO, key, args);
    }

    /** Adds a warning message for the page. */
    public static void warn(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_WARN, key, args);
    }

    /** Adds an error whose text is already written (for messages that come from a service, such as field errors). */
    public static void errorText(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(severity, text, text));
        if (severity == FacesMessage.SEVERITY_ERROR) {
            faces.validationFailed();
        }
    }
}
