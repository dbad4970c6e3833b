package org.countersign.batch.directorysync;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.DirectorySyncService;

/** Records a chunk of users in the index, seen at the run's start. */
@Named("directorySyncWriter")
@Dependent
public class DirectorySyncWriter extends AbstractItemWriter {

    @EJB
    private DirectorySyncService sync;

    @Inject
    private JobContext job;

    private Instant start;

    @Override
    public void writeItems(List<Object> items) {
        if (start == null) {
            start = SyncStart.of(job);
        }
        sync.record(items.stream().map(DirectoryUserView.class::cast).toList(), start);
    }
}
