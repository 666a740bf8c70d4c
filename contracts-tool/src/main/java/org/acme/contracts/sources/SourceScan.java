package org.acme.contracts.sources;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.acme.contracts.repository.RepositoryLayout;

/**
 * Reads the main sources of every module with JavaParser, without compiling them: the check has to
 * work on exactly the broken code it is meant to report.
 */
public final class SourceScan {

    static final String INTEGRATION_EVENT = RepositoryLayout.CONTRACTS_PACKAGE + ".IntegrationEvent";
    static final String CONTRACT = RepositoryLayout.CONTRACTS_PACKAGE + ".Contract";
    static final String SUBSCRIBER = "org.acme.infrastructure.subscriptions.Subscriber";

    private final RepositoryLayout layout;
    private final JavaParser parser = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));
    private final List<DeclaredType> types = new ArrayList<>();
    private final List<Instantiation> instantiations = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    private SourceScan(RepositoryLayout layout) {
        this.layout = layout;
    }

    /** Every {@code <module>/src/main/java} directly under the root, in a stable order. */
    public static SourceFacts of(RepositoryLayout layout) {
        SourceScan scan = new SourceScan(layout);
        try (Stream<Path> modules = Files.list(layout.root())) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path sources = layout.mainSources(module.getFileName().toString());
                if (Files.isDirectory(sources)) {
                    scan.module(module.getFileName().toString(), sources);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the modules of " + layout.root(), e);
        }
        return new SourceFacts(scan.types, scan.instantiations, scan.unreadable);
    }

    private void module(String module, Path sources) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            ParseResult<CompilationUnit> parsed = parser.parse(file);
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                unreadable.add(layout.relative(file) + ": " + parsed.getProblems().stream().findFirst()
                        .map(problem -> problem.getVerboseMessage()).orElse("cannot be parsed"));
                continue;
            }
            file(module, layout.relative(file), parsed.getResult().get());
        }
    }

    private void file(String module, String file, CompilationUnit unit) {
        ImportScope scope = new ImportScope(unit);
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            Optional<String> qualifiedName = type.getFullyQualifiedName();
            if (qualifiedName.isEmpty()) {
                continue; // a local class: no one outside its method can name it
            }
            List<String> implemented = implemented(type, scope);
            types.add(new DeclaredType(module, file, line(type), scope.packageName(), type.getNameAsString(),
                    qualifiedName.get(), contract(type, scope), implemented.contains(INTEGRATION_EVENT),
                    implemented.contains(SUBSCRIBER) ? Optional.of(subscriber(type, scope)) : Optional.empty()));
        }
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String written = creation.getType().getNameWithScope();
            instantiations.add(new Instantiation(module, file, line(creation), written, scope.candidates(written)));
        }
    }

    private static List<String> implemented(TypeDeclaration<?> type, ImportScope scope) {
        if (!(type instanceof NodeWithImplements<?> implementing)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (ClassOrInterfaceType implemented : implementing.getImplementedTypes()) {
            names.addAll(scope.candidates(implemented.getNameWithScope()));
        }
        return names;
    }

    private static Optional<ContractAnnotation> contract(TypeDeclaration<?> type, ImportScope scope) {
        for (AnnotationExpr annotation : type.getAnnotations()) {
            if (!scope.candidates(annotation.getNameAsString()).contains(CONTRACT)
                    || !(annotation instanceof NormalAnnotationExpr normal)) {
                continue;
            }
            String eventType = "";
            int version = 0;
            boolean rejected = false;
            for (MemberValuePair pair : normal.getPairs()) {
                Expression value = pair.getValue();
                switch (pair.getNameAsString()) {
                    case "type" -> eventType = value.isStringLiteralExpr() ? value.asStringLiteralExpr().asString() : "";
                    case "version" -> version = value.isIntegerLiteralExpr() ? value.asIntegerLiteralExpr().asNumber().intValue() : 0;
                    case "outcome" -> rejected = value.toString().endsWith("REJECTED");
                    default -> { }
                }
            }
            return Optional.of(new ContractAnnotation(eventType, version, rejected));
        }
        return Optional.empty();
    }

    private static SubscriberDeclaration subscriber(TypeDeclaration<?> type, ImportScope scope) {
        String written = returned(type, "contract")
                .filter(Expression::isClassExpr)
                .map(expression -> ((ClassExpr) expression).getType().asString())
                .orElse("");
        Optional<Set<Integer>> versions = returned(type, "versions")
                .filter(MethodCallExpr.class::isInstance)
                .map(MethodCallExpr.class::cast)
                .filter(call -> call.getNameAsString().equals("of")
                        && call.getArguments().stream().allMatch(Expression::isIntegerLiteralExpr))
                .map(call -> {
                    Set<Integer> numbers = new TreeSet<>();
                    call.getArguments().forEach(argument -> numbers.add(((IntegerLiteralExpr) argument).asNumber().intValue()));
                    return numbers;
                });
        return new SubscriberDeclaration(written, written.isEmpty() ? List.of() : scope.candidates(written), versions);
    }

    /** The expression a no-argument method of the type returns, when its body is one return. */
    private static Optional<Expression> returned(TypeDeclaration<?> type, String method) {
        return type.getMethodsByName(method).stream()
                .filter(declaration -> declaration.getParameters().isEmpty())
                .map(MethodDeclaration::getBody)
                .flatMap(Optional::stream)
                .flatMap(body -> body.findAll(ReturnStmt.class).stream())
                .map(ReturnStmt::getExpression)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static int line(Node node) {
        return node.getBegin().map(position -> position.line).orElse(0);
    }
}
