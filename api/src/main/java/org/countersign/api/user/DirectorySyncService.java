package org.countersign.api.user;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.countersign.api.directory.DirectoryUserView;

/**
 * What the {@code directory-sync} batch job needs: read each LDAP directory's users page by page
 * (LDAP simple paged results, RFC 2696) and record them in Countersign's user index. Thread-safe.
 */
@Local
public interface DirectorySyncService {

    /** The name of the batch job that copies every LDAP directory's users into the index. */
    String JOB = "directory-sync";

    /**
     * A batch of users read from one directory.
     *
     * @param users the users, in the directory's order
     * @param next the cursor of the next batch, or {@code null} after the last one
     */
    record Batch(List<DirectoryUserView> users, String next) {
        public Batch {
            users = List.copyOf(users);
        }
    }

    /** @return the ids of the configured LDAP directories, in search order */
    List<String> ldapDirectories();

    /**
     * Reads the next users of a directory. A cursor is {@code <session>:<offset>}; {@code ":0"} starts
     * from the beginning, and a cursor whose session is gone (a restarted job, another server) starts a
     * new paged search that skips the first {@code offset} users.
     *
     * @param max at most this many users, 1 to 1000
     * @throws IllegalStateException when the directory does not answer
     */
    Batch read(String directoryId, String cursor, int max);

    /**
     * Records users found in a directory: new ones are added, known ones get the directory's
     * display name, mobile and mail, and are marked seen at {@code seenAt}.
     *
     * @return how many records were added or changed
     */
    int record(List<DirectoryUserView> users, Instant seenAt);

    /**
     * Marks the users of a directory that were not seen since {@code since} as missing.
     *
     * @return how many were marked
     */
    int markMissing(String directoryId, Instant since);

    /**
     * Starts the {@code directory-sync} job.
     *
     * @param directoryId one directory, or {@code null} for every LDAP directory
     * @return the job execution id
     */
    long start(String directoryId, String actor);
}
