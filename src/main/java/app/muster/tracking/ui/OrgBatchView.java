package app.muster.tracking.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.RouteIds;
import app.muster.enrollment.RetryService;
import app.muster.enrollment.TrainingEvents;
import app.muster.learning.LearnerLinks;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A batch of the org portal's client: the same page as the MSP's, within the one org. */
@Route("org/training/:batchId")
@PageTitle("Batch · Muster")
@RolesAllowed({AdminPrincipal.ORG_ADMIN, AdminPrincipal.MSP_ADMIN})
public class OrgBatchView extends BatchDetailView {

    private final Optional<TenantScope> portalScope;

    @Autowired
    OrgBatchView(
            TrainingOverview overview,
            TrainingEvents events,
            RetryService retryService,
            LearnerLinks learnerLinks,
            CurrentAdmin currentAdmin,
            @Value("${muster.public-url:http://localhost:8080}") String publicUrl) {
        this(overview, events, retryService, learnerLinks, currentAdmin, currentAdmin.orgPortalScope(), publicUrl);
    }

    private OrgBatchView(
            TrainingOverview overview,
            TrainingEvents events,
            RetryService retryService,
            LearnerLinks learnerLinks,
            CurrentAdmin currentAdmin,
            Optional<TenantScope> portalScope,
            String publicUrl) {
        super(
                overview,
                events,
                retryService,
                learnerLinks,
                currentAdmin.get(),
                portalScope.orElse(currentAdmin.get().scope()),
                publicUrl);
        this.portalScope = portalScope;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (portalScope.isEmpty()) {
            event.forwardTo("msp/training");
            return;
        }
        RouteIds.uuid(event, "batchId")
                .ifPresentOrElse(
                        batchId -> show(portalScope.get().clientOrgId(), batchId),
                        () -> event.rerouteToError(NotFoundException.class));
    }
}
