package org.countersign.web.secserver;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Jakarta REST root: every resource of this WAR is under {@code /api}. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
