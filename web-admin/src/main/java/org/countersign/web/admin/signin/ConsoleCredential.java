package org.countersign.web.admin.signin;

import jakarta.security.enterprise.credential.Credential;
import java.util.Arrays;

/** What the sign-in form collects: login, password and the passcode of the account's own TOTP, plus the remote address. */
public final class ConsoleCredential implements Credential {

    private final String login;
    private final char[] password;
    private final String passcode;
    private final String address;

    public ConsoleCredential(String login, char[] password, String passcode, String address) {
        this.login = login;
        this.password = password == null ? new char[0] : password.clone();
        this.passcode = passcode;
        this.address = address;
    }

    public String login() {
        return login;
    }

    public char[] password() {
        return password.clone();
    }

    public String passcode() {
        return passcode;
    }

    public String address() {
        return address;
    }

    @Override
    public void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean isCleared() {
        for (char c : password) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ConsoleCredential[login=" + login + ", password=(hidden), passcode=(hidden)]";
    }
}
