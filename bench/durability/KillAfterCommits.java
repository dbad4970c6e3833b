import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * How many commits an H2 file database keeps when its process is killed right after them. {@code write URL}: makes the
 * table, commits 20 rows 10 ms apart, then halts the JVM at once (as kill -9 would, no shutdown hooks). {@code read URL}:
 * prints how many rows the database holds. {@code run.sh} does both for several WRITE_DELAY values.
 */
public final class KillAfterCommits {

    private KillAfterCommits() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[1], "sa", "sa"); Statement s = c.createStatement()) {
            if (args[0].equals("write")) {
                s.execute("CREATE TABLE IF NOT EXISTS T (ID INT PRIMARY KEY, V VARCHAR(64))");
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
                    for (int i = 0; i < 20; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "row " + i);
                        insert.executeUpdate();
                        c.commit();
                        Thread.sleep(10);
                    }
                }
                Runtime.getRuntime().halt(0);
            }
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM T")) {
                rows.next();
                System.out.println(rows.getLong(1));
            } catch (java.sql.SQLException noTable) {
                System.out.println(0); // the table itself was lost
            }
        }
    }
}
