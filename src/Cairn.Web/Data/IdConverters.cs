using Cairn.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cairn.Web.Data;

// One converter per strongly typed id, so the database sees plain GUIDs.
internal sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(v => v.Value, v => new PersonId(v));
internal sealed class HouseholdIdConverter() : ValueConverter<HouseholdId, Guid>(v => v.Value, v => new HouseholdId(v));
internal sealed class AreaIdConverter() : ValueConverter<AreaId, Guid>(v => v.Value, v => new AreaId(v));
internal sealed class AgencyIdConverter() : ValueConverter<AgencyId, Guid>(v => v.Value, v => new AgencyId(v));
internal sealed class TeamIdConverter() : ValueConverter<TeamId, Guid>(v => v.Value, v => new TeamId(v));
internal sealed class ProfessionalIdConverter() : ValueConverter<ProfessionalId, Guid>(v => v.Value, v => new ProfessionalId(v));
internal sealed class InvolvementIdConverter() : ValueConverter<InvolvementId, Guid>(v => v.Value, v => new InvolvementId(v));
internal sealed class ChronologyEntryIdConverter() : ValueConverter<ChronologyEntryId, Guid>(v => v.Value, v => new ChronologyEntryId(v));
internal sealed class AlertIdConverter() : ValueConverter<AlertId, Guid>(v => v.Value, v => new AlertId(v));
internal sealed class DiagnosisIdConverter() : ValueConverter<DiagnosisId, Guid>(v => v.Value, v => new DiagnosisId(v));
internal sealed class RelationshipIdConverter() : ValueConverter<RelationshipId, Guid>(v => v.Value, v => new RelationshipId(v));
internal sealed class AddressIdConverter() : ValueConverter<AddressId, Guid>(v => v.Value, v => new AddressId(v));
internal sealed class LegalStatusIdConverter() : ValueConverter<LegalStatusId, Guid>(v => v.Value, v => new LegalStatusId(v));
internal sealed class ShareIdConverter() : ValueConverter<ShareId, Guid>(v => v.Value, v => new ShareId(v));
internal sealed class DisagreementIdConverter() : ValueConverter<DisagreementId, Guid>(v => v.Value, v => new DisagreementId(v));
internal sealed class ContactIdConverter() : ValueConverter<ContactId, Guid>(v => v.Value, v => new ContactId(v));
internal sealed class ThresholdIndicatorIdConverter() : ValueConverter<ThresholdIndicatorId, Guid>(v => v.Value, v => new ThresholdIndicatorId(v));
internal sealed class StrategyDiscussionIdConverter() : ValueConverter<StrategyDiscussionId, Guid>(v => v.Value, v => new StrategyDiscussionId(v));
internal sealed class ConcernPromptIdConverter() : ValueConverter<ConcernPromptId, Guid>(v => v.Value, v => new ConcernPromptId(v));
internal sealed class EarlyHelpEpisodeIdConverter() : ValueConverter<EarlyHelpEpisodeId, Guid>(v => v.Value, v => new EarlyHelpEpisodeId(v));

/// <summary>
/// SQLite has no instant type, and EF cannot order or compare DateTimeOffset stored as text there. Instants
/// are stored as UTC ticks: sortable, comparable and exact. PostgreSQL keeps its native timestamptz.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>PostgreSQL's timestamptz accepts only UTC offsets: every instant is normalised to UTC on the way in.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
internal sealed class Section47EnquiryIdConverter() : ValueConverter<Section47EnquiryId, Guid>(v => v.Value, v => new Section47EnquiryId(v));
internal sealed class AssessmentIdConverter() : ValueConverter<AssessmentId, Guid>(v => v.Value, v => new AssessmentId(v));
internal sealed class PlanIdConverter() : ValueConverter<PlanId, Guid>(v => v.Value, v => new PlanId(v));
internal sealed class PlanActionIdConverter() : ValueConverter<PlanActionId, Guid>(v => v.Value, v => new PlanActionId(v));
internal sealed class MeetingIdConverter() : ValueConverter<MeetingId, Guid>(v => v.Value, v => new MeetingId(v));
internal sealed class ProceedingsIdConverter() : ValueConverter<ProceedingsId, Guid>(v => v.Value, v => new ProceedingsId(v));
internal sealed class ProviderIdConverter() : ValueConverter<ProviderId, Guid>(v => v.Value, v => new ProviderId(v));
internal sealed class SettingIdConverter() : ValueConverter<SettingId, Guid>(v => v.Value, v => new SettingId(v));
internal sealed class PlaceOfConcernIdConverter() : ValueConverter<PlaceOfConcernId, Guid>(v => v.Value, v => new PlaceOfConcernId(v));
internal sealed class PlacementReferralIdConverter() : ValueConverter<PlacementReferralId, Guid>(v => v.Value, v => new PlacementReferralId(v));
internal sealed class PanelDecisionIdConverter() : ValueConverter<PanelDecisionId, Guid>(v => v.Value, v => new PanelDecisionId(v));
internal sealed class PlacementIdConverter() : ValueConverter<PlacementId, Guid>(v => v.Value, v => new PlacementId(v));
internal sealed class CommissionedConditionIdConverter()
    : ValueConverter<CommissionedConditionId, Guid>(v => v.Value, v => new CommissionedConditionId(v));
internal sealed class MissingEpisodeIdConverter() : ValueConverter<MissingEpisodeId, Guid>(v => v.Value, v => new MissingEpisodeId(v));
