package org.countersign.batch.directorysync;

import java.io.Serializable;

/**
 * The reader's checkpoint.
 *
 * @param directory index of the directory being read, in the job's list
 * @param offset how many of its users were handed to the writer
 */
record SyncPosition(int directory, long offset) implements Serializable {
}
