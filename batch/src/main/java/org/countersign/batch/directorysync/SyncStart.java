package org.countersign.batch.directorysync;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.context.JobContext;
import java.time.Instant;
import java.util.Date;

/** When a job instance first started: restarts keep the first execution's time, so "seen since" means the whole run. */
final class SyncStart {

    private SyncStart() {
    }

    static Instant of(JobContext job) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).stream()
                .map(JobExecution::getCreateTime).map(Date::toInstant).min(Instant::compareTo).orElseGet(Instant::now);
    }
}
