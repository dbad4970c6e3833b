package org.countersign.batch.directorysync;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.DirectorySyncService;

/** Reads the users of each LDAP directory (or of the one named by job parameter {@code directory}) page by page. */
@Named("directorySyncReader")
@Dependent
public class DirectorySyncReader extends AbstractItemReader {

    static final int PAGE = 500;

    @EJB
    private DirectorySyncService sync;

    @Inject
    @BatchProperty(name = "directory")
    private String directory;

    private List<String> directories;
    private final Deque<DirectoryUserView> buffer = new ArrayDeque<>();
    private int index;
    private long offset;
    private String cursor;

    @Override
    public void open(Serializable checkpoint) {
        directories = directory == null || directory.isBlank() ? sync.ldapDirectories() : List.of(directory.strip());
        SyncPosition position = checkpoint == null ? new SyncPosition(0, 0) : (SyncPosition) checkpoint;
        index = position.directory();
        offset = position.offset();
        cursor = ":" + offset;
    }

    @Override
    public Object readItem() {
        while (true) {
            if (!buffer.isEmpty()) {
                offset++;
                return buffer.poll();
            }
            if (index >= directories.size()) {
                return null;
            }
            if (cursor == null) {
                index++;
                offset = 0;
                cursor = ":0";
                continue;
            }
            DirectorySyncService.Batch batch = sync.read(directories.get(index), cursor, PAGE);
            buffer.addAll(batch.users());
            cursor = batch.next();
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return new SyncPosition(index, offset);
    }
}
