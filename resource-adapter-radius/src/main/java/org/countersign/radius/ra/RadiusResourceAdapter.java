package org.countersign.radius.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Objects;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The RADIUS resource adapter. The socket is opened when the deciding endpoint is activated and
 * closed when it is deactivated or the adapter stops, so a redeploy rebinds the port cleanly.
 *
 * <p>Each setting is a config property, and a system property of the same meaning overrides it
 * (so an administrator sets them in {@code standalone.xml} or on the command line):
 * {@code countersign.radius.bind-address}, {@code countersign.radius.auth-port}, {@code countersign.radius.acct-port},
 * {@code countersign.radius.max-in-flight}, {@code countersign.radius.client-refresh-seconds},
 * {@code countersign.radius.reject-delay-millis}.
 */
@Connector(
        displayName = "Countersign RADIUS",
        vendorName = "Countersign",
        eisType = "RADIUS",
        version = "1.0",
        reauthenticationSupport = false,
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class RadiusResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(RadiusResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the RADIUS authentication socket binds to")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "1812", description = "UDP port for Access-Request")
    private Integer authPort = 1812;

    @ConfigProperty(defaultValue = "1813", description = "UDP port for Accounting-Request; -1 for none")
    private Integer acctPort = 1813;

    @ConfigProperty(defaultValue = "16", description = "Requests being decided at once; more wait in the backlog")
    private Integer maxInFlight = 16;

    @ConfigProperty(defaultValue = "512", description = "Requests waiting for a place (at most 3 s each); more are dropped and counted")
    private Integer backlog = 512;

    @ConfigProperty(defaultValue = "5", description = "Seconds between reloads of the RADIUS client table")
    private Integer clientRefreshSeconds = 5;

    @ConfigProperty(defaultValue = "1000", description = "Milliseconds an Access-Reject is held back, without holding a worker thread")
    private Integer rejectDelayMillis = 1000;

    private BootstrapContext bootstrap;
    private RadiusListenerEngine engine;

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        this.bootstrap = ctx;
    }

    @Override
    public synchronized void stop() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (engine != null) {
            throw new ResourceException("the RADIUS socket already has a listening endpoint; only one may be deployed");
        }
        EngineSettings settings = EngineSettings.resolve(bindAddress, authPort, acctPort, maxInFlight, backlog, clientRefreshSeconds, rejectDelayMillis);
        RadiusListenerEngine started = new RadiusListenerEngine(settings, bootstrap.getWorkManager(), bootstrap.createTimer(), bootstrap.createTimer(), factory);
        started.open();
        engine = started;
        LOG.info("RADIUS listening on UDP " + settings.bindAddress() + ": authentication " + started.localPort()
                + (started.accountingPort() < 0 ? ", no accounting" : ", accounting " + started.accountingPort()));
    }

    @Override
    public synchronized void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (engine != null && engine.servesFactory(factory)) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getAuthPort() {
        return authPort;
    }

    public void setAuthPort(Integer authPort) {
        this.authPort = authPort;
    }

    public Integer getAcctPort() {
        return acctPort;
    }

    public void setAcctPort(Integer acctPort) {
        this.acctPort = acctPort;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Integer getBacklog() {
        return backlog;
    }

    public void setBacklog(Integer backlog) {
        this.backlog = backlog;
    }

    public Integer getRejectDelayMillis() {
        return rejectDelayMillis;
    }

    public void setRejectDelayMillis(Integer rejectDelayMillis) {
        this.rejectDelayMillis = rejectDelayMillis;
    }

    public Integer getClientRefreshSeconds() {
        return clientRefreshSeconds;
    }

    public void setClientRefreshSeconds(Integer clientRefreshSeconds) {
        this.clientRefreshSeconds = clientRefreshSeconds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusResourceAdapter other
                && Objects.equals(bindAddress, other.bindAddress) && Objects.equals(authPort, other.authPort)
                && Objects.equals(acctPort, other.acctPort)
                && Objects.equals(maxInFlight, other.maxInFlight) && Objects.equals(clientRefreshSeconds, other.clientRefreshSeconds)
                && Objects.equals(rejectDelayMillis, other.rejectDelayMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, authPort, acctPort, maxInFlight, clientRefreshSeconds, rejectDelayMillis);
    }
}
