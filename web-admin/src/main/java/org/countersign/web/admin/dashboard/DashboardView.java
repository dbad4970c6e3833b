package org.countersign.web.admin.dashboard;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.dashboard.AccountingSummary;
import org.countersign.api.dashboard.AuthenticationSummary;
import org.countersign.api.dashboard.DashboardService;
import org.countersign.api.dashboard.HourCount;
import org.countersign.api.dashboard.ReasonCount;
import org.countersign.api.dashboard.TokenSummary;
import org.countersign.web.admin.ConsoleMessages;

/**
 * The dashboard's figures for one request; the page's poll makes a new request, so every refresh reads fresh
 * figures. Times are shown in the server's time zone, "today" starts at its midnight.
 */
@Named
@RequestScoped
public class DashboardView {

    static final int LATEST = 12;
    static final int HOURS = 24;
    static final int LATEST_ACCOUNTING = 8;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    @EJB
    private DashboardService dashboard;

    private final ZoneId zone = ZoneId.systemDefault();
    private TokenSummary tokens;
    private AuthenticationSummary today;
    private List<HourCount> hours;
    private List<AuditRecord> latest;
    private AccountingSummary accounting;

    public TokenSummary getTokens() {
        if (tokens == null) {
            tokens = dashboard.tokens();
        }
        return tokens;
    }

    public AuthenticationSummary getToday() {
        if (today == null) {
            today = dashboard.authenticationsSince(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        }
        return today;
    }

    public List<HourCount> getHours() {
        if (hours == null) {
            hours = dashboard.authenticationsPerHour(Instant.now(), HOURS);
        }
        return hours;
    }

    public List<AuditRecord> getLatest() {
        if (latest == null) {
            latest = dashboard.latestAuthentications(LATEST);
        }
        return latest;
    }

    /** @return RADIUS accounting of the last hour, with the latest records */
    public AccountingSummary getAccounting() {
        if (accounting == null) {
            accounting = dashboard.accountingSince(Instant.now().minus(Duration.ofHours(1)), LATEST_ACCOUNTING);
        }
        return accounting;
    }

    /** @return a session's length as hours, minutes and seconds ({@code 1:02:03}), or nothing when the NAS sent none */
    public String duration(Long seconds) {
        return seconds == null ? "" : String.format(Locale.ENGLISH, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** @return the share of decided authentications today that were accepted, as a whole percentage, or -1 when there were none */
    public long getAcceptedPercent() {
        long decided = getToday().decided();
        return decided == 0 ? -1 : Math.round(100.0 * getToday().accepted() / decided);
    }

    /** @return the most frequent rejection reasons today, at most three */
    public List<ReasonCount> getTopReasons() {
        List<ReasonCount> reasons = getToday().rejectedByReason();
        return reasons.subList(0, Math.min(3, reasons.size()));
    }

    /** @return the Chart.js configuration of the stacked bar chart of the last 24 hours, as JSON for {@code p:chart} */
    public String getHourlyChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder accepted = Json.createArrayBuilder();
        JsonArrayBuilder rejected = Json.createArrayBuilder();
        for (HourCount h : getHours()) {
            labels.add(HOUR.format(h.hour().atZone(zone)));
            accepted.add(h.accepted());
            rejected.add(h.rejected());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(dataset(ConsoleMessages.text("dashboard.accepted"), accepted, "#14b8a6"))
                                .add(dataset(ConsoleMessages.text("dashboard.rejected"), rejected, "#ef4444"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true)
                                        .add("grid", Json.createObjectBuilder().add("display", false)))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    /** @return a time of today as hours, minutes and seconds; an older one with its date */
    public String time(Instant at) {
        var local = at.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(local)
                : DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", Locale.ENGLISH).format(local);
    }

    /** @return the style class of an outcome badge */
    public String outcomeClass(String outcome) {
        return switch (outcome) {
            case "ACCEPTED" -> "cs-ok";
            case "REJECTED" -> "cs-bad";
            default -> "cs-warning";
        };
    }

    private static jakarta.json.JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour)
                .add("borderRadius", 3).add("maxBarThickness", 28);
    }
}
