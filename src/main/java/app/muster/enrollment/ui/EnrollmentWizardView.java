package app.muster.enrollment.ui;

import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.LaunchPreview;
import app.muster.enrollment.LaunchService;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The MSP portal's five-step wizard: any of the MSP's clients, up to 25 in one submission. */
@Route("msp/training/enrollment")
@PageTitle("Create Enrollment · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class EnrollmentWizardView extends EnrollmentWizard {

    EnrollmentWizardView(
            ClientOrgs clientOrgs,
            CourseLibrary courseLibrary,
            LaunchService launchService,
            LaunchPreview launchPreview,
            CurrentAdmin currentAdmin,
            Clock clock) {
        super(
                clientOrgs,
                courseLibrary,
                launchService,
                launchPreview,
                currentAdmin.get(),
                currentAdmin.get().scope(),
                clock);
    }
}
