package kitchen.grader.cli;

import kitchen.grading.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --lang en|pt-BR}: the language of every message the command writes, default from the locale. */
final class LangOption {

    @Option(names = "--lang", paramLabel = "en|pt-BR", converter = Converter.class,
            description = "language of the feedback (default: from the system locale)")
    Lang lang;

    Lang lang() {
        return lang != null ? lang : Lang.current();
    }

    static final class Converter implements CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            String v = value.trim();
            if (v.equalsIgnoreCase("en") || v.toLowerCase().startsWith("pt")) {
                return Lang.parse(v);
            }
            throw new CommandLine.TypeConversionException("expected en or pt-BR, got '" + value + "'");
        }
    }
}
