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
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
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
}
