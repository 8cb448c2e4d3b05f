namespace Cairn.Domain.Returns.AnnexA;

/// <summary>One row of Annex A list 1, contacts, in Ofsted's column order.</summary>
public sealed record AnnexAList1ContactsRow : IAnnexARow
{
    public int ListNumber => 1;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Date of Contact</summary>
    public DateOnly? DateOfContact { get; init; }

    /// <summary>Contact Source</summary>
    public string? ContactSource { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, DateOfContact, ContactSource];
}

/// <summary>One row of Annex A list 2, early help assessments, in Ofsted's column order.</summary>
public sealed record AnnexAList2EarlyHelpAssessmentsRow : IAnnexARow
{
    public int ListNumber => 2;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Assessment start date</summary>
    public DateOnly? AssessmentStartDate { get; init; }

    /// <summary>Assessment completion date</summary>
    public DateOnly? AssessmentCompletionDate { get; init; }

    /// <summary>Organisation completing assessment</summary>
    public string? OrganisationCompletingAssessment { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, AssessmentStartDate, AssessmentCompletionDate,
        OrganisationCompletingAssessment];
}

/// <summary>One row of Annex A list 3, referrals, in Ofsted's column order.</summary>
public sealed record AnnexAList3ReferralsRow : IAnnexARow
{
    public int ListNumber => 3;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Date of referral</summary>
    public DateOnly? DateOfReferral { get; init; }

    /// <summary>Referral Source</summary>
    public string? ReferralSource { get; init; }

    /// <summary>Referral NFA?</summary>
    public bool? ReferralNfa { get; init; }

    /// <summary>Number of Referrals in Last 12 Months</summary>
    public int? ReferralsInLast12Months { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, DateOfReferral, ReferralSource, ReferralNfa, ReferralsInLast12Months,
        AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 4, assessments (social care), in Ofsted's column order.</summary>
public sealed record AnnexAList4AssessmentsSocialCareRow : IAnnexARow
{
    public int ListNumber => 4;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Continuous Assessment Start Date</summary>
    public DateOnly? AssessmentStartDate { get; init; }

    /// <summary>Child Seen During Continuous Assessment</summary>
    public bool? ChildSeenDuringAssessment { get; init; }

    /// <summary>Continuous Assessment Date of Authorisation</summary>
    public DateOnly? AssessmentAuthorisationDate { get; init; }

    /// <summary>Was the child assessed as requiring LA children's social care support?</summary>
    public bool? AssessedAsNeedingSocialCareSupport { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, AssessmentStartDate, ChildSeenDuringAssessment,
        AssessmentAuthorisationDate, AssessedAsNeedingSocialCareSupport, AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 5, section 47 enquiries and icpcs, in Ofsted's column order.</summary>
public sealed record AnnexAList5Section47EnquiriesAndICPCsRow : IAnnexARow
{
    public int ListNumber => 5;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Strategy discussion initiating Section 47 Enquiry Start Date</summary>
    public DateOnly? Section47StartDate { get; init; }

    /// <summary>Was an Initial Child Protection Conference deemed unnecessary?</summary>
    public bool? IcpcDeemedUnnecessary { get; init; }

    /// <summary>Date of Initial Child Protection Conference</summary>
    public DateOnly? DateOfInitialCpc { get; init; }

    /// <summary>Did the Initial Child Protection Conference Result in a Child Protection Plan</summary>
    public bool? IcpcResultedInPlan { get; init; }

    /// <summary>Number of Section 47 Enquiries in the last 12 months</summary>
    public int? Section47sInLast12Months { get; init; }

    /// <summary>Number of ICPCs in the last 12 months</summary>
    public int? IcpcsInLast12Months { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, Section47StartDate, IcpcDeemedUnnecessary,
        DateOfInitialCpc, IcpcResultedInPlan, Section47sInLast12Months, IcpcsInLast12Months, AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 6, children in need, in Ofsted's column order.</summary>
public sealed record AnnexAList6ChildrenInNeedRow : IAnnexARow
{
    public int ListNumber => 6;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>CIN Start Date</summary>
    public DateOnly? CINStartDate { get; init; }

    /// <summary>Primary Need Code</summary>
    public string? PrimaryNeedCode { get; init; }

    /// <summary>Date Child Was Last Seen</summary>
    public DateOnly? DateChildWasLastSeen { get; init; }

    /// <summary>CIN Closure Date</summary>
    public DateOnly? CINClosureDate { get; init; }

    /// <summary>Reason for Closure</summary>
    public string? ReasonForClosure { get; init; }

    /// <summary>Case Status</summary>
    public string? CaseStatus { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, CINStartDate, PrimaryNeedCode, DateChildWasLastSeen,
        CINClosureDate, ReasonForClosure, CaseStatus, AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 7, child protection plans, in Ofsted's column order.</summary>
public sealed record AnnexAList7ChildProtectionPlansRow : IAnnexARow
{
    public int ListNumber => 7;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Child Protection Plan Start Date</summary>
    public DateOnly? ChildProtectionPlanStartDate { get; init; }

    /// <summary>Initial Category of Abuse</summary>
    public string? InitialCategoryOfAbuse { get; init; }

    /// <summary>Latest Category of Abuse</summary>
    public string? LatestCategoryOfAbuse { get; init; }

    /// <summary>Date of the Last Statutory Visit</summary>
    public DateOnly? DateOfTheLastStatutoryVisit { get; init; }

    /// <summary>Was the Child Seen Alone?</summary>
    public bool? ChildSeenAlone { get; init; }

    /// <summary>Date of latest review conference</summary>
    public DateOnly? DateOfLatestReviewConference { get; init; }

    /// <summary>Child Protection Plan End Date</summary>
    public DateOnly? ChildProtectionPlanEndDate { get; init; }

    /// <summary>Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)</summary>
    public bool? EpoOrPolicePowersInLast6Months { get; init; }

    /// <summary>Number of Previous Child Protection Plans</summary>
    public int? NumberOfPreviousCpps { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, ChildProtectionPlanStartDate, InitialCategoryOfAbuse,
        LatestCategoryOfAbuse, DateOfTheLastStatutoryVisit, ChildSeenAlone, DateOfLatestReviewConference, ChildProtectionPlanEndDate,
        EpoOrPolicePowersInLast6Months, NumberOfPreviousCpps, AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 8, children in care, in Ofsted's column order.</summary>
public sealed record AnnexAList8ChildrenInCareRow : IAnnexARow
{
    public int ListNumber => 8;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Date Started to be Looked After</summary>
    public DateOnly? DateStartedToBeLookedAfter { get; init; }

    /// <summary>Child's Category of Need</summary>
    public string? CategoryOfNeed { get; init; }

    /// <summary>Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)</summary>
    public bool? SecondPeriodLookedAfterInLast12Months { get; init; }

    /// <summary>Start date of current legal status</summary>
    public DateOnly? StartDateOfCurrentLegalStatus { get; init; }

    /// <summary>Child's Legal Status</summary>
    public string? LegalStatus { get; init; }

    /// <summary>Date of Latest Statutory Review</summary>
    public DateOnly? DateOfLatestStatutoryReview { get; init; }

    /// <summary>Date of Last Social Work Visit</summary>
    public DateOnly? DateOfLastSocialWorkVisit { get; init; }

    /// <summary>What is the permanence plan for this child?</summary>
    public string? PermanencePlan { get; init; }

    /// <summary>Date of Last IRO Visit / Contact to the Child</summary>
    public DateOnly? DateOfLastIroVisitOrContact { get; init; }

    /// <summary>Date of Last Health Assessment</summary>
    public DateOnly? DateOfLastHealthAssessment { get; init; }

    /// <summary>Date of Last Dental Check</summary>
    public DateOnly? DateOfLastDentalCheck { get; init; }

    /// <summary>Number of Placements in the Last 12 months</summary>
    public int? PlacementsInLast12Months { get; init; }

    /// <summary>Date Ceased to be Looked After</summary>
    public DateOnly? DateCeasedToBeLookedAfter { get; init; }

    /// <summary>Reason Ceased to be Looked After</summary>
    public string? ReasonCeasedToBeLookedAfter { get; init; }

    /// <summary>Start Date of Most Recent Placement</summary>
    public DateOnly? StartDateOfMostRecentPlacement { get; init; }

    /// <summary>Placement Type</summary>
    public string? PlacementType { get; init; }

    /// <summary>Placement Provider</summary>
    public string? PlacementProvider { get; init; }

    /// <summary>Placement postcode</summary>
    public string? PlacementPostcode { get; init; }

    /// <summary>URN of Placement</summary>
    public string? PlacementUrn { get; init; }

    /// <summary>Placement Location</summary>
    public string? PlacementLocation { get; init; }

    /// <summary>LA of Placement</summary>
    public string? PlacementLa { get; init; }

    /// <summary>Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months</summary>
    public int? MissingEpisodesInLast12Months { get; init; }

    /// <summary>Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months</summary>
    public int? AbsentEpisodesInLast12Months { get; init; }

    /// <summary>Was the child offered a Return Interview after their last missing episode (Y/N)?</summary>
    public bool? ReturnInterviewOffered { get; init; }

    /// <summary>Did the child accept a Return Interview after their last missing episode (Y/N)?</summary>
    public bool? ReturnInterviewAccepted { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, DateStartedToBeLookedAfter, CategoryOfNeed,
        SecondPeriodLookedAfterInLast12Months, StartDateOfCurrentLegalStatus, LegalStatus, DateOfLatestStatutoryReview,
        DateOfLastSocialWorkVisit, PermanencePlan, DateOfLastIroVisitOrContact, DateOfLastHealthAssessment, DateOfLastDentalCheck,
        PlacementsInLast12Months, DateCeasedToBeLookedAfter, ReasonCeasedToBeLookedAfter, StartDateOfMostRecentPlacement, PlacementType,
        PlacementProvider, PlacementPostcode, PlacementUrn, PlacementLocation, PlacementLa, MissingEpisodesInLast12Months,
        AbsentEpisodesInLast12Months, ReturnInterviewOffered, ReturnInterviewAccepted, AllocatedTeam, AllocatedWorker];
}

/// <summary>One row of Annex A list 9, care leavers, in Ofsted's column order.</summary>
public sealed record AnnexAList9CareLeaversRow : IAnnexARow
{
    public int ListNumber => 9;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Allocated Team</summary>
    public string? AllocatedTeam { get; init; }

    /// <summary>Allocated Worker</summary>
    public string? AllocatedWorker { get; init; }

    /// <summary>Eligibility Category</summary>
    public string? EligibilityCategory { get; init; }

    /// <summary>LA in Touch</summary>
    public string? LaInTouch { get; init; }

    /// <summary>Type of Accommodation</summary>
    public string? TypeOfAccommodation { get; init; }

    /// <summary>Suitability of Accommodation</summary>
    public string? SuitabilityOfAccommodation { get; init; }

    /// <summary>Activity Status</summary>
    public string? ActivityStatus { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, AllocatedTeam, AllocatedWorker, EligibilityCategory,
        LaInTouch, TypeOfAccommodation, SuitabilityOfAccommodation, ActivityStatus];
}

/// <summary>One row of Annex A list 10, adoption (children), in Ofsted's column order.</summary>
public sealed record AnnexAList10AdoptionChildrenRow : IAnnexARow
{
    public int ListNumber => 10;

    /// <summary>Child Unique ID</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>Family identifier</summary>
    public string? FamilyIdentifier { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Date of Birth</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Age of Child (Years)</summary>
    public int? AgeInYears { get; init; }

    /// <summary>Does the Child have a Disability</summary>
    public bool? HasDisability { get; init; }

    /// <summary>Date the Child Entered Care</summary>
    public DateOnly? DateTheChildEnteredCare { get; init; }

    /// <summary>Date of Decision that Child Should be Placed for Adoption</summary>
    public DateOnly? DateOfDecisionThatChildShouldBePlacedForAdoption { get; init; }

    /// <summary>Date of Placement Order</summary>
    public DateOnly? DateOfPlacementOrder { get; init; }

    /// <summary>Date of Matching Child and Prospective Adopters</summary>
    public DateOnly? DateOfMatchingChildAndProspectiveAdopters { get; init; }

    /// <summary>Date Placed for Adoption</summary>
    public DateOnly? DatePlacedForAdoption { get; init; }

    /// <summary>Date of Adoption Order</summary>
    public DateOnly? DateOfAdoptionOrder { get; init; }

    /// <summary>Date of Decision that Child Should No Longer be Placed for Adoption</summary>
    public DateOnly? DateOfDecisionThatChildShouldNoLongerBePlacedForAdoption { get; init; }

    /// <summary>Reason Why Child No Longer Placed for Adoption</summary>
    public string? ReasonWhyChildNoLongerPlacedForAdoption { get; init; }

    /// <summary>Date the child was placed for fostering in FFA or concurrent planning placement</summary>
    public DateOnly? DatePlacedInFfaOrConcurrentPlanning { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [ChildUniqueId, FamilyIdentifier, Gender, Ethnicity, DateOfBirth, AgeInYears, HasDisability, DateTheChildEnteredCare,
        DateOfDecisionThatChildShouldBePlacedForAdoption, DateOfPlacementOrder, DateOfMatchingChildAndProspectiveAdopters,
        DatePlacedForAdoption, DateOfAdoptionOrder, DateOfDecisionThatChildShouldNoLongerBePlacedForAdoption,
        ReasonWhyChildNoLongerPlacedForAdoption, DatePlacedInFfaOrConcurrentPlanning];
}

/// <summary>One row of Annex A list 11, adopters, in Ofsted's column order.</summary>
public sealed record AnnexAList11AdoptersRow : IAnnexARow
{
    public int ListNumber => 11;

    /// <summary>Individual adopter identifier</summary>
    public string? IndividualAdopterIdentifier { get; init; }

    /// <summary>Family identifier</summary>
    public string? FamilyIdentifier { get; init; }

    /// <summary>Gender</summary>
    public string? Gender { get; init; }

    /// <summary>Ethnicity</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Disability</summary>
    public string? Disability { get; init; }

    /// <summary>Is the (prospective) adopter fostering for adoption?</summary>
    public bool? FosteringForAdoption { get; init; }

    /// <summary>Date enquiry received</summary>
    public DateOnly? DateEnquiryReceived { get; init; }

    /// <summary>Date Stage 1 started</summary>
    public DateOnly? DateStage1Started { get; init; }

    /// <summary>Date Stage 1 ended</summary>
    public DateOnly? DateStage1Ended { get; init; }

    /// <summary>Date Stage 2 started</summary>
    public DateOnly? DateStage2Started { get; init; }

    /// <summary>Date Stage 2 ended</summary>
    public DateOnly? DateStage2Ended { get; init; }

    /// <summary>Date application submitted</summary>
    public DateOnly? DateApplicationSubmitted { get; init; }

    /// <summary>Date application approved</summary>
    public DateOnly? DateApplicationApproved { get; init; }

    /// <summary>Date adopter matched with child(ren)</summary>
    public DateOnly? DateMatchedWithChildren { get; init; }

    /// <summary>Date child/children placed with adopter(s)</summary>
    public DateOnly? DateChildrenPlaced { get; init; }

    /// <summary>No. of children placed</summary>
    public int? NumberOfChildrenPlaced { get; init; }

    /// <summary>Date of Adoption Order</summary>
    public DateOnly? DateOfAdoptionOrder { get; init; }

    /// <summary>Date of leaving adoption process</summary>
    public DateOnly? DateOfLeavingAdoptionProcess { get; init; }

    /// <summary>Reason for leaving adoption process</summary>
    public string? ReasonForLeavingAdoptionProcess { get; init; }

    public IReadOnlyList<object?> Cells() =>
        [IndividualAdopterIdentifier, FamilyIdentifier, Gender, Ethnicity, Disability, FosteringForAdoption, DateEnquiryReceived,
        DateStage1Started, DateStage1Ended, DateStage2Started, DateStage2Ended, DateApplicationSubmitted, DateApplicationApproved,
        DateMatchedWithChildren, DateChildrenPlaced, NumberOfChildrenPlaced, DateOfAdoptionOrder, DateOfLeavingAdoptionProcess,
        ReasonForLeavingAdoptionProcess];
}
