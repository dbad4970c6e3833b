package org.countersign.directory;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;
import java.util.Set;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.directory.internal.InternalDirectoryBean;

/** Every directory behind one service. */
@Stateless
public class DirectoryBean implements DirectoryService {

    @EJB
    private InternalDirectoryBean internal;

    @Override
    public PasswordVerdict verifyPassword(String login, char[] password) {
        if (password == null || password.length == 0 || new String(password).isBlank()) {
            return new PasswordVerdict.Invalid();
        }
        return internal.verifyPassword(login, password);
    }

    @Override
    public Optional<DirectoryUserView> findUser(String login) {
        return internal.find(login);
    }

    @Override
    public DirectoryUserView createInternalUser(String login, String displayName, char[] password, String mobile, String mail, String actor) {
        return internal.create(login, displayName, password, mobile, mail, Set.of(), actor);
    }
}
