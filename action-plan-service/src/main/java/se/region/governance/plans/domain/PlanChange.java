package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a plan (change feed and audit trail): what, when, by whom, with the event's data. */
@Entity
@Table(name = "plan_change")
public class PlanChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String type;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    /** The event's data as JSON. */
    @Column(nullable = false)
    public String data;

    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Column(name = "actor_name")
    public String actorName;
}
