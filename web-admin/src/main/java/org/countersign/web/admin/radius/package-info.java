/** RADIUS clients in the console: list, add, edit, delete; field errors from the service shown beside their fields. */
package org.countersign.web.admin.radius;
