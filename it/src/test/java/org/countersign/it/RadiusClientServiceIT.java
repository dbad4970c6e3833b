package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.countersign.api.radius.InvalidRadiusClientException;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RADIUS clients managed as data: a new client is answered without a restart, a deleted one is dropped again. */
@ExtendWith(ArquillianExtension.class)
class RadiusClientServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(RadiusClientServiceIT.class, UdpProbe.class);
    }

    @EJB
    private RadiusClientService clients;

    private static int port() {
        return Integer.getInteger("countersign.radius.auth-port");
    }

    private static Optional<byte[]> probeFrom(String address, String secret) throws IOException {
        return UdpProbe.exchange(address, port(), UdpProbe.accessRequest("carol", secret), 1500);
    }

    @Test
    void addedClientIsAnsweredWithoutRestartAndDeletedOneIsDroppedAgain() throws IOException, InterruptedException {
        String secret = "It-Client-Secret-7781";
        assertTrue(probeFrom("127.0.0.3", secret).isEmpty(), "unknown before it is added");
        RadiusClientView added = clients.add(new RadiusClientSettings("it-vpn-3", "127.0.0.3", secret, "CHALLENGE", true, false), "it-admin");
        assertEquals(Set.of(), Set.copyOf(added.warnings()));
        assertTrue(answeredWithin(secret, 10), "answered after the client table refresh");
        clients.delete(added.id(), "it-admin");
        Thread.sleep(2500);
        assertTrue(probeFrom("127.0.0.3", secret).isEmpty(), "dropped again after delete");
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsStored() {
        int before = clients.list().size();
        InvalidRadiusClientException e = assertThrows(InvalidRadiusClientException.class,
                () -> clients.add(new RadiusClientSettings("", "vpn.example.com", "has space", "FAST", true, false), "it-admin"));
        assertEquals(Set.of("name", "network", "secret", "authMode"), e.fieldErrors().keySet());
        assertEquals(before, clients.list().size());
    }

    @Test
    void clientWithoutMessageAuthenticatorRequirementCarriesAWarning() {
        RadiusClientView view = clients.add(new RadiusClientSettings("it-legacy-nas", "127.0.0.9", "short", "PASSCODE_ONLY", false, false), "it-admin");
        assertEquals(2, view.warnings().size(), view.warnings().toString());
        assertFalse(clients.list().stream().filter(c -> c.id().equals(view.id())).findFirst().orElseThrow().warnings().isEmpty());
        clients.delete(view.id(), "it-admin");
    }

    private static boolean answeredWithin(String secret, int seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (probeFrom("127.0.0.3", secret).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
