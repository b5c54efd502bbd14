package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.docs.domain.Consultation;
import se.region.governance.docs.domain.ConsultationResponse;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, UUID> {

    public List<Consultation> ofDocument(UUID documentId) {
        return list("documentId = ?1 order by openedAt", documentId);
    }

    public Optional<Consultation> openOf(UUID documentId) {
        return find("documentId = ?1 and status = ?2", documentId, Consultation.Status.OPEN).firstResultOptional();
    }

    public List<ConsultationResponse> responses(UUID consultationId) {
        return getEntityManager().createQuery(
                        "from ConsultationResponse where consultationId = ?1 order by receivedOn, recordedAt",
                        ConsultationResponse.class)
                .setParameter(1, consultationId).getResultList();
    }

    public void persistResponse(ConsultationResponse response) {
        getEntityManager().persist(response);
    }
}
