package se.region.governance.plans.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.time.RegionTime;
import se.region.governance.plans.application.PlanStatusService.PlanFigures;
import se.region.governance.plans.application.PlanStatusService.Tagged;
import se.region.governance.plans.application.PublicViews.PublicCollaboration;
import se.region.governance.plans.application.PublicViews.PublicMeasure;
import se.region.governance.plans.application.PublicViews.PublicPlan;
import se.region.governance.plans.application.PublicViews.PublicPlanItem;
import se.region.governance.plans.application.PublicViews.PublicUpdate;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.application.Views.PlanView;
import se.region.governance.plans.domain.Collaboration;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.Plan;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.infrastructure.CollaborationRepository;
import se.region.governance.plans.infrastructure.MeasureRepository;
import se.region.governance.plans.infrastructure.PlanChangeRepository;
import se.region.governance.plans.infrastructure.UpdateRepository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public (no token) read of plans (ADR 10): every plan, its measures, their latest update and collaborations,
 * without any person's name. Built from the same services and figures as the authenticated API.
 */
@ApplicationScoped
public class PublicPlanService {

    @Inject
    PlanService plans;
    @Inject
    MeasureRepository measures;
    @Inject
    MeasureViews measureViews;
    @Inject
    UpdateRepository updates;
    @Inject
    CollaborationRepository collaborations;
    @Inject
    PlanChangeRepository changes;
    @Inject
    PlanStatusService status;
    @Inject
    RegionTime region;
    @Inject
    ObjectMapper json;

    /**
     * A page of plans, oldest first, with their overall progress. Its tag is a digest of the page as sent: the
     * page mixes plans whose changes have no common order, so no stored counter names its version.
     */
    @Transactional
    public Tagged<PageResponse<PublicPlanItem>> plans(int page, int size) {
        PageResponse<PlanView> listed = plans.list(new Commands.PlanQuery(null, null, null, page, size));
        Map<UUID, List<ProgressRollup.Node>> nodes = measures.nodesOfPlans(
                listed.items().stream().map(PlanView::id).toList());
        PageResponse<PublicPlanItem> items = listed.map(p -> PublicPlanItem.of(p,
                PlanStatusService.figures(nodes.getOrDefault(p.id(), List.of())).overallProgress()));
        return new Tagged<>(items, digest(items));
    }

    /** The public plan's tag without building it: that of the status summary (the plan's latest change, the day). */
    public String planTag(UUID id) {
        return status.statusTag(id);
    }

    /**
     * The plan, its figures (those of the status summary), its measures in code order with their latest update
     * and collaborations, in a fixed number of queries whatever the number of measures.
     */
    @Transactional
    public Tagged<PublicPlan> plan(UUID id) {
        // the tag first: a change committed while the plan is read makes the tag older than the body, never newer
        PlanChangeRepository.Latest latest = changes.latest(id).orElseThrow(() -> DomainException.notFound("Plan", id));
        LocalDate today = region.today();
        Plan p = plans.find(id);
        List<ProgressRollup.Node> nodes = measures.nodesOf(id);
        PlanFigures figures = PlanStatusService.figures(nodes);
        List<Measure> list = new ArrayList<>(measures.ofPlan(id));
        list.sort((a, b) -> MeasureViews.CODE_ORDER.compare(a.code, b.code));
        Map<UUID, Measure> byId = list.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        Map<UUID, PublicUpdate> latestUpdates = updates.latestOf(byId.keySet()).stream()
                .collect(Collectors.toMap(u -> u.measureId, PublicUpdate::of));
        Map<UUID, List<PublicCollaboration>> collaborationsOf = new HashMap<>(); // key null: the plan's own
        for (Collaboration c : collaborations.allOfPlan(id)) {
            collaborationsOf.computeIfAbsent(c.measureId, k -> new ArrayList<>()).add(PublicCollaboration.of(c));
        }
        List<PublicMeasure> publicMeasures = measureViews.views(list, new ProgressRollup(nodes)).stream()
                .map(v -> publicMeasure(v, byId.get(v.id()), today, latestUpdates, collaborationsOf)).toList();
        PlanView v = PlanView.of(p);
        PublicPlan plan = new PublicPlan(v.id(), v.title(), v.description(), v.ownerUnit(), v.decision(),
                v.periodFrom(), v.periodTo(), v.status(), figures.overallProgress(), v.updatedAt(), figures.byStatus(),
                latest.at(), collaborationsOf.getOrDefault(null, List.of()), publicMeasures);
        return new Tagged<>(plan, PlanStatusService.tag(latest.seq(), today));
    }

    private static PublicMeasure publicMeasure(MeasureView v, Measure m, LocalDate today,
                                               Map<UUID, PublicUpdate> latestUpdates,
                                               Map<UUID, List<PublicCollaboration>> collaborationsOf) {
        return PublicMeasure.of(v, m.isOverdue(today), latestUpdates.get(v.id()),
                collaborationsOf.getOrDefault(v.id(), List.of()));
    }

    private String digest(Object value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return "l" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the public plan list", e);
        }
    }
}
