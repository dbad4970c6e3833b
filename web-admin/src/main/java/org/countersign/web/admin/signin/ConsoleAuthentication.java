package org.countersign.web.admin.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares the console's authentication mechanism: a custom form (the sign-in page calls
 * {@code SecurityContext.authenticate} with a {@link ConsoleCredential}); a protected page opened
 * without a session leads to the sign-in page and, after sign-in, back to that page.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
public class ConsoleAuthentication {
}
