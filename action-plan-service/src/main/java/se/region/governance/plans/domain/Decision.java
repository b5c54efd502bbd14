package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** The decision a plan originates from, e.g. regionstyrelsen 2022-08-17 § 183. */
@Embeddable
public class Decision {

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_body")
    public DecisionBody body;

    @Column(name = "decision_date")
    public LocalDate date;

    @Column(name = "decision_paragraph")
    public String paragraph;

    @Column(name = "decision_diary_number")
    public String diaryNumber;

    protected Decision() {
    }

    public Decision(DecisionBody body, LocalDate date, String paragraph, String diaryNumber) {
        this.body = body;
        this.date = date;
        this.paragraph = paragraph;
        this.diaryNumber = diaryNumber;
    }
}
