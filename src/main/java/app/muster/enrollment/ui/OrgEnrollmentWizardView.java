package app.muster.enrollment.ui;

import app.muster.base.TenantScope;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.LaunchPreview;
import app.muster.enrollment.LaunchService;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The org portal's wizard: courses, targeting (with Individual users), schedule, review, for the portal's one client.
 * An MSP admin who is not viewing as a client is sent to the MSP portal.
 */
@Route("org/training/enrollment")
@PageTitle("Create Enrollment · Muster")
@RolesAllowed({AdminPrincipal.ORG_ADMIN, AdminPrincipal.MSP_ADMIN})
public class OrgEnrollmentWizardView extends EnrollmentWizard implements BeforeEnterObserver {

    /** A scope reaching no client, for an MSP admin not viewing as one: the page forwards before it loads. */
    private static final UUID NO_CLIENT = new UUID(0, 0);

    private final boolean inPortal;

    @Autowired
    OrgEnrollmentWizardView(
            ClientOrgs clientOrgs,
            CourseLibrary courseLibrary,
            LaunchService launchService,
            LaunchPreview launchPreview,
            CurrentAdmin currentAdmin,
            Clock clock) {
        this(
                clientOrgs,
                courseLibrary,
                launchService,
                launchPreview,
                currentAdmin,
                currentAdmin.orgPortalScope(),
                clock);
    }

    private OrgEnrollmentWizardView(
            ClientOrgs clientOrgs,
            CourseLibrary courseLibrary,
            LaunchService launchService,
            LaunchPreview launchPreview,
            CurrentAdmin currentAdmin,
            Optional<TenantScope> portalScope,
            Clock clock) {
        super(
                clientOrgs,
                courseLibrary,
                launchService,
                launchPreview,
                currentAdmin.get(),
                portalScope.orElse(TenantScope.clientOrg(currentAdmin.get().mspId(), NO_CLIENT)),
                clock);
        this.inPortal = portalScope.isPresent();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!inPortal) {
            event.forwardTo("msp/training");
        }
    }
}
