package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;
import java.util.Objects;

/** A decision: body (and committee name), date and paragraph, e.g. regionfullmäktige 2023-06-21 § 72. */
@Embeddable
public class Decision {

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_body")
    public DecisionBody body;

    @Column(name = "decision_committee")
    public String committee;

    @Column(name = "decision_date")
    public LocalDate date;

    @Column(name = "decision_paragraph")
    public String paragraph;

    protected Decision() {
    }

    public Decision(DecisionBody body, String committee, LocalDate date, String paragraph) {
        this.body = body;
        this.committee = committee;
        this.date = date;
        this.paragraph = paragraph;
    }

    @Override
    public String toString() {
        return body + (committee == null ? "" : " (" + committee + ")") + " " + date
                + (paragraph == null ? "" : " " + paragraph);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && body == d.body && Objects.equals(committee, d.committee)
                && Objects.equals(date, d.date) && Objects.equals(paragraph, d.paragraph);
    }

    @Override
    public int hashCode() {
        return Objects.hash(body, committee, date, paragraph);
    }
}
