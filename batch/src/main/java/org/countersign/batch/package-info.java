/**
 * Jakarta Batch jobs of Countersign, one subpackage per job, job XMLs under
 * {@code META-INF/batch-jobs/<job-id>.xml} (ids kebab-case). Artifacts are named CDI beans that
 * call {@code api} services; they never touch the database or the network themselves. Every job
 * can be restarted after a failure without repeating what a completed step already did.
 */
package org.countersign.batch;
