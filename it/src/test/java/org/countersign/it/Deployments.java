package org.countersign.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR Maven built, as-is or with one extra WAR holding in-container test classes. */
final class Deployments {

    private Deployments() {
    }

    /** The packaged EAR, exactly as Maven built it. */
    static EnterpriseArchive ear() {
        File file = new File(System.getProperty("countersign.ear", "target/countersign.ear"));
        if (!file.isFile()) {
            throw new IllegalStateException("no EAR at " + file.getAbsolutePath() + "; run the build from the project root");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
    }

    /**
     * The packaged EAR plus a WAR {@code countersign-it.war} holding the given test classes, listed in
     * application.xml, so Arquillian runs them inside the server next to the real modules.
     */
    static EnterpriseArchive earWithInContainerTests(Class<?>... testClasses) {
        return earWithInContainerTests(ShrinkWrap.create(WebArchive.class, "countersign-it.war").addClasses(testClasses));
    }

    /**
     * The packaged EAR plus the given WAR, which must be named {@code countersign-it.war}: for in-container tests that
     * need libraries of their own (add them with {@code addAsLibrary}).
     */
    static EnterpriseArchive earWithInContainerTests(WebArchive tests) {
        EnterpriseArchive ear = ear();
        ear.addAsModule(Testable.archiveToTest(tests));
        ArchivePath descriptor = ArchivePaths.create("META-INF/application.xml");
        String xml = read(ear.get(descriptor).getAsset().openStream());
        String module = "<module><web><web-uri>countersign-it.war</web-uri><context-root>/countersign-it</context-root></web></module>";
        ear.delete(descriptor);
        ear.add(new StringAsset(xml.replace("</application>", module + "</application>")), descriptor);
        return ear;
    }

    private static String read(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.xml of the EAR", e);
        }
    }
}
