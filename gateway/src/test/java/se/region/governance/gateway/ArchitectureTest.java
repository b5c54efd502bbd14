package se.region.governance.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway has no domain and no persistence, so not the services' layers: its packages are by role.
 * <ul>
 *   <li>{@code security}, {@code routing}, {@code apidocs}, {@code health}, {@code publicweb}: what a request
 *       reaches (the guard in front of /api, the proxy to the services, /openapi and /asyncapi, the health checks,
 *       the public pages and the guard of the anonymous routes); none knows another;</li>
 *   <li>{@code upstream}: the services behind the gateway and their instances (discovery, balancing, instances
 *       marked down), which the roles share;</li>
 *   <li>{@code http}: what every request meets before them and what the gateway answers itself (request id and
 *       trace context, the request-line limit, problem+json);</li>
 *   <li>{@code config}: the settings and the gateway's own public URL.</li>
 * </ul>
 * Dependencies point down that list, never up, and every class has a role.
 */
class ArchitectureTest {

    static final String GATEWAY = "se.region.governance.gateway";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(GATEWAY);

    @Test
    void dependenciesPointFromTheRolesToHttpToConfig() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("roles").definedBy(GATEWAY + ".security..", GATEWAY + ".routing..", GATEWAY + ".apidocs..",
                        GATEWAY + ".health..", GATEWAY + ".publicweb..")
                .layer("upstream").definedBy(GATEWAY + ".upstream..")
                .layer("http").definedBy(GATEWAY + ".http..")
                .layer("config").definedBy(GATEWAY + ".config..")
                .whereLayer("roles").mayNotBeAccessedByAnyLayer()
                .whereLayer("upstream").mayOnlyBeAccessedByLayers("roles")
                .whereLayer("http").mayOnlyBeAccessedByLayers("roles")
                .whereLayer("config").mayOnlyBeAccessedByLayers("roles", "upstream", "http")
                .check(CLASSES);
    }

    @Test
    void noRoleKnowsAnother() {
        slices().matching(GATEWAY + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(GATEWAY + ".upstream..", GATEWAY + ".http..", GATEWAY + ".config.."))
                .check(CLASSES);
    }

    @Test
    void everyClassHasARole() {
        noClasses().should().resideInAPackage(GATEWAY)
                .because("each class belongs to one of security, routing, apidocs, health, publicweb, upstream, http or config")
                .check(CLASSES);
    }
}
