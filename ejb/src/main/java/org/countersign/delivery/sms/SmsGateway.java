package org.countersign.delivery.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One configured HTTP SMS gateway: turns a mobile number and a message into the gateway's request and
 * sends it. Immutable and thread-safe; each {@link #send} opens its own connection on the calling thread.
 *
 * <p>Placeholders are encoded for where they stand: in the URL as URL query text, in a form body as form
 * text, in a JSON body as JSON string content, in any other body as written.
 */
public final class SmsGateway {

    /** Settings keys, all global. */
    public static final String URL = "sms.gateway.url";
    public static final String METHOD = "sms.gateway.method";
    public static final String BODY = "sms.gateway.body";
    public static final String CONTENT_TYPE = "sms.gateway.content-type";
    public static final String SUCCESS_PATTERN = "sms.gateway.success-pattern";
    public static final String TIMEOUT_SECONDS = "sms.gateway.timeout-seconds";

    private static final int MAX_ANSWER_OCTETS = 8192;
    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{6,20}");

    private final String url;
    private final String method;
    private final String body;
    private final String contentType;
    private final Pattern successPattern;
    private final Duration timeout;

    private SmsGateway(String url, String method, String body, String contentType, Pattern successPattern, Duration timeout) {
        this.url = url;
        this.method = method;
        this.body = body;
        this.contentType = contentType;
        this.successPattern = successPattern;
        this.timeout = timeout;
    }

    /**
     * @param settings the {@code sms.gateway.*} settings by key (absent keys take their defaults)
     * @return the gateway they describe
     * @throws SmsDeliveryException naming the setting that is missing or wrong
     */
    public static SmsGateway from(Function<String, String> settings) {
        String url = trimmed(settings.apply(URL));
        if (url == null) {
            throw new SmsDeliveryException("no SMS gateway is configured: set " + URL);
        }
        try {
            URI uri = new URI(url.replace("{mobile}", "0").replace("{message}", "x"));
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new SmsDeliveryException(URL + " must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new SmsDeliveryException(URL + " is not a URL: " + e.getReason());
        }
        String body = settings.apply(BODY);
        body = body == null || body.isBlank() ? null : body;
        String method = trimmed(settings.apply(METHOD));
        method = method == null ? (body == null ? "GET" : "POST") : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new SmsDeliveryException(METHOD + " must be GET or POST, not " + method);
        }
        if (method.equals("GET") && body != null) {
            throw new SmsDeliveryException(BODY + " is set but " + METHOD + " is GET: a GET request has no body");
        }
        String contentType = trimmed(settings.apply(CONTENT_TYPE));
        contentType = contentType == null ? "application/x-www-form-urlencoded" : contentType;
        Pattern success = null;
        String pattern = trimmed(settings.apply(SUCCESS_PATTERN));
        if (pattern != null) {
            try {
                success = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new SmsDeliveryException(SUCCESS_PATTERN + " is not a regular expression: " + e.getDescription());
            }
        }
        String timeout = trimmed(settings.apply(TIMEOUT_SECONDS));
        int seconds;
        try {
            seconds = timeout == null ? 10 : Integer.parseInt(timeout);
        } catch (NumberFormatException e) {
            throw new SmsDeliveryException(TIMEOUT_SECONDS + " must be a whole number of seconds");
        }
        if (seconds < 1 || seconds > 60) {
            throw new SmsDeliveryException(TIMEOUT_SECONDS + " must be 1 to 60");
        }
        return new SmsGateway(url, method, body, contentType, success, Duration.ofSeconds(seconds));
    }

    /** The request this gateway makes for one message; {@link #toString()} hides the message. */
    record Request(String method, String url, String contentType, String body) {
        @Override
        public String toString() {
            return "Request[" + method + ", (url hidden), " + contentType + "]";
        }
    }

    /**
     * @param mobile the number in international form; spaces, dashes, dots and brackets are removed
     * @param message the text to send
     * @return the HTTP request for it
     * @throws SmsDeliveryException if the number is not a phone number
     */
    Request request(String mobile, String message) {
        String number = mobile == null ? "" : mobile.replaceAll("[\\s().-]", "");
        if (!MOBILE.matcher(number).matches()) {
            throw new SmsDeliveryException("'" + mobile + "' is not a mobile number (digits, optionally with a leading +)");
        }
        Map<String, String> values = Map.of("{mobile}", number, "{message}", message);
        String expandedUrl = expand(url, values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
        String expandedBody = null;
        if (body != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            Function<String, String> encoder = type.contains("json") ? SmsGateway::jsonText
                    : type.contains("x-www-form-urlencoded") ? v -> URLEncoder.encode(v, StandardCharsets.UTF_8) : v -> v;
            expandedBody = expand(body, values, encoder);
        }
        return new Request(method, expandedUrl, contentType, expandedBody);
    }

    /**
     * Sends one message and waits for the gateway's answer.
     *
     * @throws SmsDeliveryException if the gateway cannot be reached, answers other than 2xx, or its answer does not
     *         match the success pattern; the message says which, never what was sent
     */
    public void send(String mobile, String message) {
        Request request = request(mobile, message);
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw new SmsDeliveryException("the SMS gateway URL cannot be opened: " + e.getClass().getSimpleName());
        }
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            if (request.body() != null) {
                byte[] octets = request.body().getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", request.contentType() + (request.contentType().contains("charset") ? "" : "; charset=UTF-8"));
                connection.setFixedLengthStreamingMode(octets.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(octets);
                }
            }
            int status = connection.getResponseCode();
            String answer = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            if (status < 200 || status > 299) {
                throw new SmsDeliveryException("the SMS gateway answered HTTP " + status);
            }
            if (successPattern != null && !successPattern.matcher(answer).find()) {
                throw new SmsDeliveryException("the SMS gateway answered HTTP " + status + " but its answer does not match " + SUCCESS_PATTERN);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new SmsDeliveryException("the SMS gateway did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new SmsDeliveryException("the SMS gateway cannot be reached: " + e.getClass().getSimpleName());
        } finally {
            connection.disconnect();
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readNBytes(MAX_ANSWER_OCTETS), StandardCharsets.UTF_8);
        }
    }

    private static String expand(String template, Map<String, String> values, Function<String, String> encoder) {
        String result = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.replace(e.getKey(), encoder.apply(e.getValue()));
        }
        return result;
    }

    /** The content of a JSON string (RFC 8259 section 7), without the quotes. */
    static String jsonText(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
