package io.funnelql.cli;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.model.Specification;
import io.funnelql.input.SpecificationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code funnelql check FILE...}: parse and check specs, one summary line per valid file. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check specification files: syntax, names, types and semantic rules.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Specification files (.fql).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exitCode = ExitCode.OK;
        for (Path file : files) {
            try {
                out.println(file + ": ok, " + summary(SpecificationLoader.load(file)));
            } catch (InvalidSpecificationException e) {
                err.println(e.render());
                int count = e.diagnostics().size();
                err.println(file + ": " + count + (count == 1 ? " error" : " errors"));
                exitCode = ExitCode.INVALID_INPUT;
            } catch (IOException e) {
                err.println(SpecificationFiles.unreadable(file, e));
                exitCode = ExitCode.INVALID_INPUT;
            }
        }
        return exitCode;
    }

    static String summary(Specification specification) {
        String queries = specification.queries().stream()
                .map(query -> query.kind() + " " + query.name().display())
                .collect(Collectors.joining(", "));
        return plural(specification.sources().size(), "source") + ", "
                + plural(specification.parameters().size(), "parameter") + ", "
                + plural(specification.queries().size(), "query", "queries")
                + (queries.isEmpty() ? "" : " (" + queries + ")");
    }

    private static String plural(int count, String noun) {
        return plural(count, noun, noun + "s");
    }

    private static String plural(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
