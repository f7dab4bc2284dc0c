package app.muster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.muster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule viewsNeverTouchTheDatabase = noClasses()
            .that()
            .resideInAPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..", "org.springframework.transaction..");

    @ArchTest
    static final ArchRule servicesNeverDependOnViews = noClasses()
            .that()
            .resideOutsideOfPackage("..ui..")
            .and()
            .doNotHaveSimpleName("SecurityConfig")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.muster..ui..");

    @ArchTest
    static final ArchRule sharedBaseKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("app.muster.base")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "app.muster.directory..",
                    "app.muster.enrollment..",
                    "app.muster.tracking..",
                    "app.muster.catalog..",
                    "app.muster.demo..");

    @ArchTest
    static final ArchRule theLibraryKnowsNoEnrollment = noClasses()
            .that()
            .resideInAnyPackage("app.muster.catalog..", "app.muster.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("app.muster.enrollment..", "app.muster.tracking..");

    @ArchTest
    static final ArchRule viewsAreRoutedOnlyFromUiPackages = classes()
            .that()
            .areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should()
            .resideInAPackage("..ui..");
}
