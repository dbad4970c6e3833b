package org.countersign.api.radius;

/**
 * Whether the EJB module has finished starting, so the resource adapter may call the message
 * endpoint. Calls made earlier would wait inside the container until every start-up bean is up,
 * and forever when one of them fails (a missing master key, say), holding up the undeployment.
 * The flag lives in this class in the EAR's {@code lib/}, so it is shared by the adapter and the
 * EJB module of one deployment and dies with it. Thread-safe.
 */
public final class InflowReadiness {

    private static volatile boolean started;

    private InflowReadiness() {
    }

    /** Called by the EJB module when its start-up beans are up. */
    public static void applicationStarted() {
        started = true;
    }

    /** Called by the EJB module when it begins to stop. */
    public static void applicationStopping() {
        started = false;
    }

    /** @return whether the endpoint may be called now */
    public static boolean isApplicationStarted() {
        return started;
    }
}
