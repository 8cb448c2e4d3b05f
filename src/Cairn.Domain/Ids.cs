namespace Cairn.Domain;

// Strongly typed ids: mixing a child's id with a professional's must not compile.
// Version 7 GUIDs sort by creation time, which keeps index inserts cheap on both providers.

public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct HouseholdId(Guid Value)
{
    public static HouseholdId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AreaId(Guid Value)
{
    public static AreaId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AgencyId(Guid Value)
{
    public static AgencyId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct TeamId(Guid Value)
{
    public static TeamId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ProfessionalId(Guid Value)
{
    public static ProfessionalId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct InvolvementId(Guid Value)
{
    public static InvolvementId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ChronologyEntryId(Guid Value)
{
    public static ChronologyEntryId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AlertId(Guid Value)
{
    public static AlertId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DiagnosisId(Guid Value)
{
    public static DiagnosisId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct RelationshipId(Guid Value)
{
    public static RelationshipId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AddressId(Guid Value)
{
    public static AddressId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct LegalStatusId(Guid Value)
{
    public static LegalStatusId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ShareId(Guid Value)
{
    public static ShareId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DisagreementId(Guid Value)
{
    public static DisagreementId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ContactId(Guid Value)
{
    public static ContactId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ThresholdIndicatorId(Guid Value)
{
    public static ThresholdIndicatorId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct StrategyDiscussionId(Guid Value)
{
    public static StrategyDiscussionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ConcernPromptId(Guid Value)
{
    public static ConcernPromptId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct EarlyHelpEpisodeId(Guid Value)
{
    public static EarlyHelpEpisodeId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct Section47EnquiryId(Guid Value)
{
    public static Section47EnquiryId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AssessmentId(Guid Value)
{
    public static AssessmentId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PlanId(Guid Value)
{
    public static PlanId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PlanActionId(Guid Value)
{
    public static PlanActionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct MeetingId(Guid Value)
{
    public static MeetingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ProceedingsId(Guid Value)
{
    public static ProceedingsId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ProviderId(Guid Value)
{
    public static ProviderId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct SettingId(Guid Value)
{
    public static SettingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PlaceOfConcernId(Guid Value)
{
    public static PlaceOfConcernId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PlacementReferralId(Guid Value)
{
    public static PlacementReferralId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PlacementId(Guid Value)
{
    public static PlacementId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PanelDecisionId(Guid Value)
{
    public static PanelDecisionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct MissingEpisodeId(Guid Value)
{
    public static MissingEpisodeId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct CommissionedConditionId(Guid Value)
{
    public static CommissionedConditionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
