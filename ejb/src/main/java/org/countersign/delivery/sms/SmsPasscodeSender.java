package org.countersign.delivery.sms;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.settings.SettingsService;
import org.countersign.token.PasscodeSender;

/**
 * Sends SMS passcodes through the gateway the {@code sms.gateway.*} settings describe, to the mobile number
 * the user's directory holds now. The text comes from the setting {@code sms.template} with {@code {code}} and
 * {@code {minutes}} placeholders. Settings are read on every message, so a change applies to the next one.
 */
@ApplicationScoped
public class SmsPasscodeSender implements PasscodeSender {

    static final String TEMPLATE = "sms.template";
    static final String DEFAULT_TEMPLATE = "Your Countersign passcode is {code}. It is valid for {minutes} minutes.";

    @EJB
    private SettingsService settings;

    @EJB
    private DirectoryService directories;

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public void send(String userId, String code) {
        SmsGateway gateway = SmsGateway.from(key -> settings.find(key).orElse(null));
        DirectoryUserView user = directories.findById(userId)
                .orElseThrow(() -> new SmsDeliveryException("user " + userId + " cannot be found in their directory"));
        if (user.mobile() == null || user.mobile().isBlank()) {
            throw new SmsDeliveryException("user " + userId + " has no mobile number in their directory");
        }
        String minutes = settings.find("passcode.lifetime-minutes").orElse("10");
        String message = settings.find(TEMPLATE).filter(t -> t.contains("{code}")).orElse(DEFAULT_TEMPLATE)
                .replace("{minutes}", minutes).replace("{code}", code);
        gateway.send(user.mobile(), message);
    }
}
