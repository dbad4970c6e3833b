package org.countersign.batch.directorysync;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.countersign.api.user.DirectorySyncService;

/** After every directory was read to its end: marks users the run did not see as missing; exit status says how many. */
@Named("directorySyncSweepBatchlet")
@Dependent
public class DirectorySyncSweepBatchlet extends AbstractBatchlet {

    @EJB
    private DirectorySyncService sync;

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty(name = "directory")
    private String directory;

    @Override
    public String process() {
        Instant start = SyncStart.of(job);
        List<String> directories = directory == null || directory.isBlank() ? sync.ldapDirectories() : List.of(directory.strip());
        int missing = 0;
        for (String id : directories) {
            missing += sync.markMissing(id, start);
        }
        job.setExitStatus(BatchStatus.COMPLETED.name() + " missing=" + missing);
        return BatchStatus.COMPLETED.name();
    }
}
