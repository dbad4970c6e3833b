package org.countersign.web.admin.signin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.countersign.api.admin.AdminAccountService;
import org.countersign.api.admin.AdminSignIn;
import org.countersign.api.token.AttemptSource;

/** Validates {@link ConsoleCredential}s with the admin account service; the roles are the account's console roles. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @EJB
    private AdminAccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ConsoleCredential console)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        AdminSignIn result = accounts.authenticate(console.login(), console.password(), console.passcode(),
                new AttemptSource("admin", "admin-console", console.address()));
        console.clear();
        if (result instanceof AdminSignIn.Granted granted) {
            return new CredentialValidationResult(granted.login(),
                    granted.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
