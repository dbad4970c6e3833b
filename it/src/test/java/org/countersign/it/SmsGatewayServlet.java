package org.countersign.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SMS gateway of the system tests: an HTTP endpoint in the test WAR that the server's SMS sender
 * calls over real HTTP. It keeps every message it got and can answer slowly, to hold a request in flight.
 */
@WebServlet("/sms-gateway")
public class SmsGatewayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** One message as the gateway received it. */
    public record Sms(String to, String text) {
    }

    static final List<Sms> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile long delayMillis;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RECEIVED.add(new Sms(request.getParameter("to"), request.getParameter("text")));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        response.setContentType("text/plain");
        response.getWriter().write("OK " + RECEIVED.size());
    }

    /** @return the gateway URL template for the setting sms.gateway.url, on this server's HTTP port */
    static String urlTemplate() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://127.0.0.1:" + port + "/countersign-it/sms-gateway?to={mobile}&text={message}";
    }

    /** @return the messages sent to a number */
    static List<Sms> to(String mobile) {
        return RECEIVED.stream().filter(s -> mobile.equals(s.to())).toList();
    }
}
