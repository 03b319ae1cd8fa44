package kitchen.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import kitchen.grader.score.ExerciseResult;
import kitchen.grading.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

    @Test
    @DisplayName("a graded exercise is a testsuite with its counts, points and one testcase per test")
    void suite() throws Exception {
        Element suite = parse(Fixtures.boilEggs(), Lang.EN);

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("02-boil-eggs");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("8.100");
        assertThat(property(suite, "score")).isEqualTo("12");
        assertThat(property(suite, "maxScore")).isEqualTo("20");

        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("classname")).isEqualTo("kitchen.eggs.BoilEggsTest");
        assertThat(failed.getAttribute("name")).isEqualTo("all eggs are on the stove at the same time");
        assertThat(failed.getAttribute("time")).isEqualTo("1.500");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("Expected every egg on the stove at once, but they ran one after another:");
        assertThat(failure.getTextContent()).isEqualTo(Fixtures.TIMELINE);
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(suite.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("Boiling eggs 1\nEgg 1 done!\n[2J");
    }

    @Test
    @DisplayName("markup and control characters in a message still give well-formed XML with the text intact")
    void hostile() throws Exception {
        String xml = JUnitXmlReport.render(Fixtures.boilEggs(), Lang.EN);
        assertThat(xml).doesNotContain("\u0000", "\u001b", "\u0007");

        Element suite = parse(Fixtures.boilEggs(), Lang.EN);
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertThat(error.getTextContent()).isEqualTo(Text.clean(Fixtures.HOSTILE)).contains("</testcase> ]]> <failure>");
        assertThat(error.getAttribute("message")).startsWith("expected | found `x`").contains("]]>").doesNotContain("\n");
        assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("a cracked egg | `fails` fast");
    }

    @Test
    @DisplayName("an exercise that did not compile: its graded tests not run, and one synthetic testcase in error carrying the message")
    void compileError() throws Exception {
        Element suite = parse(Fixtures.chopOnions(), Lang.PT_BR);

        // Its two graded tests that never ran, and the synthetic one that says why.
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("3");
        Element testcase = (Element) suite.getElementsByTagName("testcase").item(2);
        assertThat(testcase.getAttribute("classname")).isEqualTo("04-chop-onions");
        assertThat(testcase.getAttribute("name")).isEqualTo("erro de compilação");
        Element error = (Element) testcase.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("compile-error");
        assertThat(error.getTextContent()).isEqualTo(Fixtures.chopOnions().message());
    }

    @Test
    @DisplayName("file names follow Surefire's TEST-<name>.xml")
    void fileName() {
        assertThat(JUnitXmlReport.fileName(Fixtures.boilEggs())).isEqualTo("TEST-02-boil-eggs.xml");
    }

    static Element parse(ExerciseResult exercise, Lang lang) throws Exception {
        byte[] bytes = JUnitXmlReport.render(exercise, lang).getBytes(StandardCharsets.UTF_8);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        return doc.getDocumentElement();
    }

    private static String property(Element suite, String name) {
        NodeList properties = suite.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
