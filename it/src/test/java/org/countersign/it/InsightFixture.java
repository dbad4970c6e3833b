package org.countersign.it;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;

/**
 * Test-only servlet in the test WAR (never in the product). POST {@code op=loopback-client&secret=...}: whichever RADIUS
 * client answers for 127.0.0.1 (the seeded {@code localhost}, or one an earlier browser test created) takes the
 * suite's secret and the seeded client's password+passcode mode again, so radclient's requests are decided whatever
 * ran before, and tests that run later find the loopback client as seeded.
 */
@WebServlet("/insight-fixture")
public class InsightFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "127.0.0.1/32");

    @EJB
    private RadiusClientService clients;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"loopback-client".equals(request.getParameter("op"))) {
            response.sendError(400, "unknown op");
            return;
        }
        String secret = request.getParameter("secret");
        RadiusClientView loopback = clients.list().stream().filter(c -> LOOPBACK.contains(c.network())).findFirst().orElse(null);
        RadiusClientView saved = loopback == null
                ? clients.add(new RadiusClientSettings("insight-loopback", "127.0.0.1", secret, "PASSWORD_AND_PASSCODE", true, false, List.of()), "it")
                : clients.update(loopback.id(), new RadiusClientSettings(loopback.name(), loopback.network(), secret, "PASSWORD_AND_PASSCODE",
                        true, loopback.limitProxyState(), loopback.replyAttributes()), "it");
        response.setContentType("text/plain");
        response.getWriter().write(saved.name());
    }
}
