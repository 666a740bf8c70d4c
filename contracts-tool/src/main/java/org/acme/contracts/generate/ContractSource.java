package org.acme.contracts.generate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.sources.DeclaredType;
import org.acme.contracts.sources.SourceScan;

/**
 * A contract record as its source declares it, read without compiling: a contract generated a
 * minute ago has no class yet, and its subscriber can still be generated.
 */
record ContractSource(RepositoryLayout layout, DeclaredType type, CompilationUnit unit, RecordDeclaration record) {

    private static final JavaParser PARSER = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));

    static ContractSource of(RepositoryLayout layout, String eventType) {
        DeclaredType type = SourceScan.of(layout).types().stream()
                .filter(each -> each.module().equals(RepositoryLayout.CONTRACTS_MODULE) && each.contract().isPresent()
                        && each.eventType().equals(eventType))
                .findFirst()
                .orElseThrow(() -> new GenerationRefused("shared-integration-events has no record with @Contract(type = \""
                        + eventType + "\"): generate it first with ./contracts generate integration-event " + eventType));
        CompilationUnit unit = parse(layout.root().resolve(type.file()))
                .orElseThrow(() -> new GenerationRefused(type.file() + " cannot be parsed"));
        RecordDeclaration record = unit.findAll(RecordDeclaration.class).stream()
                .filter(each -> each.getFullyQualifiedName().orElse("").equals(type.qualifiedName()))
                .findFirst()
                .orElseThrow(() -> new GenerationRefused(type.qualifiedName() + " is not a record: a contract is a record"));
        return new ContractSource(layout, type, unit, record);
    }

    String className() {
        return type.simpleName();
    }

    String qualifiedName() {
        return type.qualifiedName();
    }

    String packageName() {
        return type.packageName();
    }

    int version() {
        return type.contract().map(annotation -> annotation.version()).orElse(1);
    }

    List<Field> fields() {
        return fieldsOf(record);
    }

    static List<Field> fieldsOf(RecordDeclaration record) {
        return record.getParameters().stream().map(ContractSource::field).toList();
    }

    private static Field field(Parameter parameter) {
        int since = 1;
        for (AnnotationExpr annotation : parameter.getAnnotations()) {
            if (annotation.getNameAsString().endsWith("Since") && annotation instanceof SingleMemberAnnotationExpr single
                    && single.getMemberValue().isIntegerLiteralExpr()) {
                since = single.getMemberValue().asIntegerLiteralExpr().asNumber().intValue();
            }
        }
        return new Field(parameter.getNameAsString(), parameter.getType().asString(), since);
    }

    /**
     * A record the contract uses, by the name its source writes: nested in the contract
     * ({@code Line}, written {@code OrderPlaced.Line} elsewhere) or beside it ({@code ReservedLine}).
     */
    Optional<UsedRecord> recordNamed(String name) {
        Optional<RecordDeclaration> nested = record.findAll(RecordDeclaration.class).stream()
                .filter(each -> each != record && each.getNameAsString().equals(name))
                .findFirst();
        if (nested.isPresent()) {
            return Optional.of(new UsedRecord(className() + "." + name, qualifiedName(), nested.get()));
        }
        Path sibling = layout.root().resolve(type.file()).resolveSibling(name + ".java");
        return parse(sibling).flatMap(unit -> unit.findAll(RecordDeclaration.class).stream()
                .filter(each -> each.getNameAsString().equals(name)).findFirst())
                .map(found -> new UsedRecord(name, packageName() + "." + name, found));
    }

    /** A record used inside a contract: how code outside writes it, and what to import for that. */
    record UsedRecord(String written, String importName, RecordDeclaration declaration) {
    }

    private static Optional<CompilationUnit> parse(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ParseResult<CompilationUnit> parsed = PARSER.parse(file);
            return parsed.getResult().filter(unit -> parsed.isSuccessful());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
