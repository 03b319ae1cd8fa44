package kitchen.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test classes shipped over a pipe land beside the code under test, in its loader and runtime package,
 * whatever order they come in, and are never served as resources.
 */
class TestClassesTest {

    @Test
    @DisplayName("defined beside the code under test in any order: package-private access works, no resource")
    void definedBesideTheCode(@TempDir Path temp) throws Exception {
        Path main = temp.resolve("main");
        Path tests = temp.resolve("tests");
        compile(temp.resolve("src-main"), main, List.of(), Map.of(
                "shop/Counter.java", "package shop; public class Counter { int count() { return 42; } }"));
        compile(temp.resolve("src-tests"), tests, List.of(main), Map.of(
                "shop/Base.java", "package shop; abstract class Base { int read() { return new Counter().count(); } }",
                "shop/CounterCheck.java", """
                        package shop;
                        public class CounterCheck extends Base {
                            static final class Oops extends Exception { }
                            public int check() {
                                try {
                                    if (read() != 42) { throw new Oops(); }
                                    return read();
                                } catch (Oops e) { return -1; }
                            }
                        }""",
                "other/Helper.java", "package other; public class Helper { public String hi() { return \"hi\"; } }"));

        // The worst order: a subclass before its superclass, a class before the nested class it checks against.
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : List.of("shop.CounterCheck", "shop.Base", "other.Helper", "shop.CounterCheck$Oops")) {
            classes.put(name, Files.readAllBytes(tests.resolve(name.replace('.', '/') + ".class")));
        }
        TestClasses.Shipment sent = new TestClasses.Shipment(classes, Map.of("shop", "shop.Counter"));
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        TestClasses.write(sent, pipe);
        TestClasses.Shipment received = TestClasses.read(new ByteArrayInputStream(pipe.toByteArray()));
        assertThat(received.classes().keySet()).containsExactlyElementsOf(classes.keySet());

        try (URLClassLoader code = new URLClassLoader(new URL[] {main.toUri().toURL()}, getClass().getClassLoader())) {
            List<Class<?>> defined = TestClasses.define(received, code);

            assertThat(defined).extracting(Class::getName).containsExactlyElementsOf(classes.keySet());
            Class<?> check = defined.getFirst();
            assertThat(check.getClassLoader()).isSameAs(code);
            assertThat(check.getMethod("check").invoke(check.getConstructor().newInstance())).isEqualTo(42);
            assertThat(code.getResource("shop/CounterCheck.class")).as("served as a resource").isNull();
            assertThat(defined.get(2).getClassLoader()).as("a package with no code under test").isNotSameAs(code);
            assertThat(TestClasses.shipped()).isTrue();
        }
    }

    private static void compile(Path sources, Path out, List<Path> classpath, Map<String, String> files)
            throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = sources.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        Files.createDirectories(out);
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-proc:none"));
        if (!classpath.isEmpty()) {
            args.addAll(List.of("-cp", classpath.getFirst().toString()));
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)))
                .as("compiles").isZero();
    }
}
