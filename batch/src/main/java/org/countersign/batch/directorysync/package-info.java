/**
 * The {@code directory-sync} job: copies every LDAP directory's users into Countersign's user index
 * in chunks (read a page, record it, checkpoint), then marks the users no run found any more as
 * missing. A restarted execution resumes at its last checkpoint: the position is a directory index
 * and the number of its users already recorded. Works through
 * {@link org.countersign.api.user.DirectorySyncService} only.
 */
package org.countersign.batch.directorysync;
