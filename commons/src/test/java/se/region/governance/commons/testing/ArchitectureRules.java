package se.region.governance.commons.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service follows (style.md): api -> application -> domain, infrastructure
 * beside; the domain knows no HTTP and no persistence plumbing; resources reach data only through
 * the application layer; events leave only through the outbox (no producer or emitter in a service).
 * And ({@link #verifyPlainDomain}) the domain holds no storage, wire-format, compression or threading
 * technique: those belong in infrastructure, where an optimisation lives in one class (docs/adr).
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        String api = basePackage + ".api..";
        String application = basePackage + ".application..";
        String domain = basePackage + ".domain..";
        String infrastructure = basePackage + ".infrastructure..";
        List<ArchRule> rules = List.of(
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(api, application, infrastructure,
                                "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..")
                        .because("the domain holds the rules, free of HTTP and of the layers above it"),
                noClasses().that().resideInAPackage(application)
                        .should().dependOnClassesThat().resideInAnyPackage(api, "jakarta.ws.rs..")
                        .because("use cases do not know the HTTP API"),
                noClasses().that().resideInAPackage(api)
                        .should().dependOnClassesThat().resideInAnyPackage(infrastructure)
                        .because("resources call the application layer, never repositories or SQL"),
                noClasses().that().resideInAPackage(infrastructure)
                        .should().dependOnClassesThat().resideInAnyPackage(api)
                        .because("persistence and messaging do not depend on the HTTP API"),
                noClasses().that().resideInAPackage(basePackage + "..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..")
                        .orShould().dependOnClassesThat().haveFullyQualifiedName(
                                "org.eclipse.microprofile.reactive.messaging.Emitter")
                        .because("events leave a service only through the transactional outbox"));
        rules.forEach(rule -> rule.allowEmptyShould(true).check(classes));
    }

    /**
     * The domain is plain Java: no Hibernate type plumbing ({@code org.hibernate.type..},
     * {@code org.hibernate.usertype..}), no Jackson streaming (JsonGenerator, JsonParser, its filters), no
     * compression (java.util.zip, LZ4, zstd) and no threads or executors of its own (each named type with its
     * subtypes: a ScheduledExecutorService is an ExecutorService).
     */
    public static void verifyPlainDomain(String basePackage) {
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate.type..", "org.hibernate.usertype..",
                        "com.fasterxml.jackson.core.filter..", "java.util.zip..", "net.jpountz..", "com.github.luben..")
                .orShould().dependOnClassesThat().areAssignableTo("com.fasterxml.jackson.core.JsonGenerator")
                .orShould().dependOnClassesThat().areAssignableTo("com.fasterxml.jackson.core.JsonParser")
                .orShould().dependOnClassesThat().areAssignableTo("java.lang.Thread")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.ExecutorService")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.ForkJoinPool")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.CompletableFuture")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.Executors")
                .because("storage types, wire formats, compression and threads are techniques: they live in"
                        + " infrastructure, and the domain keeps only the rules")
                .allowEmptyShould(true)
                .check(mainClasses(basePackage));
    }

    private static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
