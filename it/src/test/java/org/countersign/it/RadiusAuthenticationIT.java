package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password and TOTP through RADIUS, end to end: radclient against the server, a user of the built-in
 * directory with an activated TOTP token, each mode of the client 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class RadiusAuthenticationIT {

    private static final String PASSWORD = "Correct-Horse-7";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(RadiusAuthenticationIT.class, Radclient.class, Radclient.Result.class, TokenServiceIT.class);
    }

    @EJB
    private DirectoryService directories;

    @EJB
    private TokenService tokens;

    @EJB
    private RadiusClientService clients;

    /** The database as another server sharing it would change it, behind this server's back. */
    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource database;

    private String login;
    private String tokenId;
    private byte[] seed;
    private long step;
    private RadiusClientView local;

    @BeforeEach
    void userWithActiveTotp() {
        login = "rad-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = directories.createInternalUser(login, "Radius Tester", PASSWORD.toCharArray(), null, null, "it").userId();
        SoftTokenEnrolment enrolment = tokens.enrolSoftToken(userId, "totp", login, SoftTokenParameters.defaults());
        seed = TokenServiceIT.seedOf(enrolment.keyUri());
        tokenId = enrolment.token().id();
        step = Instant.now().getEpochSecond() / 30 - 1;
        assertTrue(tokens.activate(enrolment.token().id(), TokenServiceIT.hotp(seed, step), new AttemptSource("it", "it", null)).accepted());
        local = clients.list().stream().filter(c -> c.network().equals("127.0.0.1")).findFirst().orElseThrow();
    }

    @AfterEach
    void restoreClientMode() throws InterruptedException {
        mode("PASSWORD_AND_PASSCODE");
    }

    private void mode(String mode) throws InterruptedException {
        if (!local.authMode().equals(mode)) {
            local = clients.update(local.id(), new RadiusClientSettings(local.name(), local.network(), null, mode, true, false), "it");
            Thread.sleep(2500);
        }
    }

    private Radclient.Result auth(String password, String state) {
        return Radclient.send("auth", "User-Name = \"" + login + "\", User-Password = \"" + password + "\", Message-Authenticator = 0x00"
                + (state == null ? "" : ", State = " + state) + "\n", System.getProperty("countersign.seed.localhost-radius-secret"));
    }

    @Test
    void passwordAndPasscodeInOneFieldIsAcceptedOnceAndOnlyWithBothRight() throws InterruptedException {
        mode("PASSWORD_AND_PASSCODE");
        String code = TokenServiceIT.hotp(seed, step + 1);
        assertTrue(auth(PASSWORD + code, null).received("Access-Accept"));
        assertTrue(auth(PASSWORD + code, null).received("Access-Reject"), "the same code again is a replay");
        assertTrue(auth("wrong-password" + TokenServiceIT.hotp(seed, step + 2), null).received("Access-Reject"));
        String wrongCode = "000000".equals(TokenServiceIT.hotp(seed, step + 2)) ? "111111" : "000000";
        assertTrue(auth(PASSWORD + wrongCode, null).received("Access-Reject"));
    }

    @Test
    void challengeModeAsksForThePasscodeAndItsStateIsSingleUse() throws InterruptedException {
        mode("CHALLENGE");
        Radclient.Result first = auth(PASSWORD, null);
        assertTrue(first.received("Access-Challenge"), first.output());
        String state = first.attribute("State");
        assertNotNull(state, first.output());
        assertNotNull(first.attribute("Reply-Message"), first.output());
        String code = TokenServiceIT.hotp(seed, step + 1);
        assertTrue(auth(code, state).received("Access-Accept"));
        assertTrue(auth(TokenServiceIT.hotp(seed, step + 2), state).received("Access-Reject"), "a State is single-use");
    }

    @Test
    void unknownOrFlippedStateNeverSkipsThePassword() throws InterruptedException {
        mode("CHALLENGE");
        String code = TokenServiceIT.hotp(seed, step + 1);
        assertTrue(auth(code, "0x" + "ab".repeat(32)).received("Access-Reject"), "unknown State");
        String state = auth(PASSWORD, null).attribute("State");
        char last = state.charAt(state.length() - 1);
        String flipped = state.substring(0, state.length() - 1) + (last == '0' ? '1' : '0');
        assertTrue(auth(code, flipped).received("Access-Reject"), "bit-flipped State");
        assertTrue(auth(PASSWORD, null).received("Access-Challenge"), "a wrong password gets no challenge, the right one does");
        assertTrue(auth("wrong-password", null).received("Access-Reject"));
    }

    @Test
    void passcodeOnlyModeTakesJustThePasscode() throws InterruptedException {
        mode("PASSCODE_ONLY");
        assertTrue(auth(TokenServiceIT.hotp(seed, step + 1), null).received("Access-Accept"));
        assertEquals(true, auth(TokenServiceIT.hotp(seed, step + 1), null).received("Access-Reject"));
    }

    /**
     * This server keeps a user's tokens from one login to the next; another server sharing the database accepts the
     * next code meanwhile, as JPA or the unlocked write would (the step moves, and the version with it). The same code
     * here is a replay all the same.
     */
    @Test
    void aCodeAnotherServerAcceptedMeanwhileIsAReplayHere() throws Exception {
        mode("PASSWORD_AND_PASSCODE");
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 1), null).received("Access-Accept"));
        changeBehindTheServersBack("UPDATE CS_TOKEN_STATE SET LAST_ACCEPTED = " + (step + 2) + ", VERSION = VERSION + 1 WHERE ID = ?");
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 2), null).received("Access-Reject"),
                "accepted by another server: a replay");
    }

    /** The same with the token disabled by an administrator on another server: its next code is refused here. */
    @Test
    void aTokenDisabledOnAnotherServerIsRefusedHere() throws Exception {
        mode("PASSWORD_AND_PASSCODE");
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 1), null).received("Access-Accept"));
        changeBehindTheServersBack("UPDATE CS_TOKEN SET STATUS = 'DISABLED' WHERE ID = ?",
                "UPDATE CS_TOKEN_STATE SET VERSION = VERSION + 1 WHERE ID = ?");
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 2), null).received("Access-Reject"), "disabled elsewhere");
    }

    /** An accepted login's one audit record is written with the token's new state, in its transaction. */
    @Test
    void aChapRequestIsRejectedAndItsAuditRecordSaysNoPasswordWasSent() throws Exception {
        // CHAP (and MS-CHAP, EAP) carry no User-Password; a directory checks a password only by a bind
        Radclient.Result chap = Radclient.send("auth", "User-Name = \"" + login + "\", CHAP-Password = \"" + PASSWORD
                + TokenServiceIT.hotp(seed, step + 1) + "\", Message-Authenticator = 0x00\n", System.getProperty("countersign.seed.localhost-radius-secret"));
        assertTrue(chap.received("Access-Reject"), chap.output());
        assertEquals(List.of("REJECTED no password sent"), auditOfLogin("OUTCOME, REASON"));
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 1), null).received("Access-Accept"), "the code was not spent");
    }

    @Test
    void anAcceptedLoginHasOneAuditRecordWithItsToken() throws Exception {
        mode("PASSWORD_AND_PASSCODE");
        assertTrue(auth(PASSWORD + TokenServiceIT.hotp(seed, step + 1), null).received("Access-Accept"));
        assertEquals(List.of("ACCEPTED " + tokenId + " mode PASSWORD_AND_PASSCODE, token type totp"), auditOfLogin());
        assertEquals(step + 1, lastAccepted());
    }

    /**
     * The database refuses the login's audit records: the attempt is rejected and the code is not spent, since the
     * token's new state goes with the record. Once records are taken again, the same code gets in.
     */
    @Test
    void anAcceptanceWhoseAuditRecordIsRefusedIsRejectedAndSpendsNoCode() throws Exception {
        mode("PASSWORD_AND_PASSCODE");
        String code = TokenServiceIT.hotp(seed, step + 1);
        String constraint = "IT_REFUSE_" + login.replace('-', '_').toUpperCase();
        try (Connection connection = database.getConnection(); Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE CS_AUDIT_EVENT ADD CONSTRAINT " + constraint + " CHECK (ACTOR <> '" + login + "')");
            try {
                assertTrue(auth(PASSWORD + code, null).received("Access-Reject"), "no acceptance without its record");
            } finally {
                s.execute("ALTER TABLE CS_AUDIT_EVENT DROP CONSTRAINT " + constraint);
            }
        }
        assertEquals(List.of(), auditOfLogin());
        assertEquals(step, lastAccepted(), "the token's state as before");
        assertTrue(auth(PASSWORD + code, null).received("Access-Accept"), "the code was not spent");
        assertEquals(List.of("ACCEPTED " + tokenId + " mode PASSWORD_AND_PASSCODE, token type totp"), auditOfLogin());
    }

    private List<String> auditOfLogin() throws SQLException {
        return auditOfLogin("OUTCOME, TOKEN_ID, DETAIL");
    }

    /** The login's RADIUS audit records, oldest first, each as the given columns joined by spaces. */
    private List<String> auditOfLogin(String columns) throws SQLException {
        List<String> records = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + columns + " FROM CS_AUDIT_EVENT WHERE ACTOR = ? AND CATEGORY = 'auth.radius' ORDER BY ID")) {
            query.setString(1, login);
            try (ResultSet rows = query.executeQuery()) {
                int count = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder record = new StringBuilder(String.valueOf(rows.getString(1)));
                    for (int i = 2; i <= count; i++) {
                        record.append(' ').append(rows.getString(i));
                    }
                    records.add(record.toString());
                }
            }
        }
        return records;
    }

    private long lastAccepted() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT LAST_ACCEPTED FROM CS_TOKEN_STATE WHERE ID = ?")) {
            query.setString(1, tokenId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getLong(1);
            }
        }
    }

    private void changeBehindTheServersBack(String... updates) throws SQLException {
        try (Connection connection = database.getConnection()) {
            for (String update : updates) {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setString(1, tokenId);
                    assertEquals(1, statement.executeUpdate(), update);
                }
            }
        }
    }
}
