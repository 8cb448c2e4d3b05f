using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.Disagreements;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.Education;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Health;
using Cairn.Domain.Meetings;
using Cairn.Domain.Missing;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Placements.Dangers;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Notifications;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>
/// Cairn's one DbContext. Handlers use it directly (docs/decisions/0002): no repository layer.
/// Saving chains any new audit entries in the same transaction as the change (see <see cref="AuditChain"/>).
/// </summary>
public sealed class CairnDbContext(DbContextOptions<CairnDbContext> options) : DbContext(options)
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamManagerChange> TeamManagerChanges => Set<TeamManagerChange>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AccountChange> AccountChanges => Set<AccountChange>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonRevision> PersonRevisions => Set<PersonRevision>();
    public DbSet<PersonSearchKey> PersonSearchKeys => Set<PersonSearchKey>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<PersonAddress> Addresses => Set<PersonAddress>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<LegalStatus> LegalStatuses => Set<LegalStatus>();
    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();
    public DbSet<ChronologySubject> ChronologySubjects => Set<ChronologySubject>();
    public DbSet<ChronologyRevision> ChronologyRevisions => Set<ChronologyRevision>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();
    public DbSet<Diagnosis> Diagnoses => Set<Diagnosis>();
    public DbSet<DiagnosisStatusChange> DiagnosisStatusChanges => Set<DiagnosisStatusChange>();
    public DbSet<Disagreement> Disagreements => Set<Disagreement>();
    public DbSet<StageRecord> DisagreementStages => Set<StageRecord>();
    public DbSet<DisagreementEvent> DisagreementEvents => Set<DisagreementEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Share> Shares => Set<Share>();
    public DbSet<ShareChild> ShareChildren => Set<ShareChild>();
    public DbSet<ShareEvent> ShareEvents => Set<ShareEvent>();
    public DbSet<ShareAttachment> ShareAttachments => Set<ShareAttachment>();
    public DbSet<ShareAttachmentContent> ShareAttachmentContents => Set<ShareAttachmentContent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CalendarAdjustment> CalendarAdjustments => Set<CalendarAdjustment>();
    public DbSet<SweepLease> SweepLeases => Set<SweepLease>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactEvent> ContactEvents => Set<ContactEvent>();
    public DbSet<ThresholdDocument> ThresholdDocuments => Set<ThresholdDocument>();
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<EarlyHelpEpisode> EarlyHelpEpisodes => Set<EarlyHelpEpisode>();
    public DbSet<EarlyHelpEvent> EarlyHelpEvents => Set<EarlyHelpEvent>();
    public DbSet<EducationRecord> EducationRecords => Set<EducationRecord>();
    public DbSet<EducationRevision> EducationRevisions => Set<EducationRevision>();
    public DbSet<ConcernPrompt> ConcernPrompts => Set<ConcernPrompt>();
    public DbSet<ConcernPromptEvent> ConcernPromptEvents => Set<ConcernPromptEvent>();
    public DbSet<ConcernPromptEvidence> ConcernPromptEvidence => Set<ConcernPromptEvidence>();
    public DbSet<AreaConcernRules> ConcernRuleSettings => Set<AreaConcernRules>();
    public DbSet<AreaFrontDoorTimescales> FrontDoorTimescales => Set<AreaFrontDoorTimescales>();
    public DbSet<AreaOutOfHoursRules> OutOfHoursRules => Set<AreaOutOfHoursRules>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<Section47Event> Section47Events => Set<Section47Event>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentEvent> AssessmentEvents => Set<AssessmentEvent>();
    public DbSet<AssessmentCitation> AssessmentCitations => Set<AssessmentCitation>();
    public DbSet<AreaAssessmentCurrency> AssessmentCurrency => Set<AreaAssessmentCurrency>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<CarePlanDue> CarePlansDue => Set<CarePlanDue>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<MeetingEvent> MeetingEvents => Set<MeetingEvent>();
    public DbSet<AreaMeetingRules> MeetingRules => Set<AreaMeetingRules>();
    public DbSet<LeadPractitioner> LeadPractitioners => Set<LeadPractitioner>();
    public DbSet<AdultWorker> AdultWorkers => Set<AdultWorker>();
    public DbSet<Proceedings> Proceedings => Set<Proceedings>();
    public DbSet<FamilyAdvocate> FamilyAdvocates => Set<FamilyAdvocate>();
    public DbSet<PlacementProvider> PlacementProviders => Set<PlacementProvider>();
    public DbSet<ProviderRevision> ProviderRevisions => Set<ProviderRevision>();
    public DbSet<PlacementSetting> PlacementSettings => Set<PlacementSetting>();
    public DbSet<SettingRevision> SettingRevisions => Set<SettingRevision>();
    public DbSet<SettingVacancy> SettingVacancies => Set<SettingVacancy>();
    public DbSet<PlaceOfConcern> PlacesOfConcern => Set<PlaceOfConcern>();
    public DbSet<RiskPersonDanger> RiskPersonDangers => Set<RiskPersonDanger>();
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<PendingEvaluation> PendingEvaluations => Set<PendingEvaluation>();
    public DbSet<PostcodeEntry> Postcodes => Set<PostcodeEntry>();
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<PlacementReferral> PlacementReferrals => Set<PlacementReferral>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<PanelDecision> PanelDecisions => Set<PanelDecision>();
    public DbSet<CommissionedCondition> CommissionedConditions => Set<CommissionedCondition>();
    public DbSet<StatutoryVisit> StatutoryVisits => Set<StatutoryVisit>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: saving chains audit entries asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pendingAudit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit entries commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = Database.CurrentTransaction ?? await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await AuditChain.AppendAsync(this, pendingAudit, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<HouseholdId>().HaveConversion<HouseholdIdConverter>();
        configurationBuilder.Properties<AreaId>().HaveConversion<AreaIdConverter>();
        configurationBuilder.Properties<AgencyId>().HaveConversion<AgencyIdConverter>();
        configurationBuilder.Properties<TeamId>().HaveConversion<TeamIdConverter>();
        configurationBuilder.Properties<ProfessionalId>().HaveConversion<ProfessionalIdConverter>();
        configurationBuilder.Properties<InvolvementId>().HaveConversion<InvolvementIdConverter>();
        configurationBuilder.Properties<ChronologyEntryId>().HaveConversion<ChronologyEntryIdConverter>();
        configurationBuilder.Properties<AlertId>().HaveConversion<AlertIdConverter>();
        configurationBuilder.Properties<DiagnosisId>().HaveConversion<DiagnosisIdConverter>();
        configurationBuilder.Properties<RelationshipId>().HaveConversion<RelationshipIdConverter>();
        configurationBuilder.Properties<AddressId>().HaveConversion<AddressIdConverter>();
        configurationBuilder.Properties<LegalStatusId>().HaveConversion<LegalStatusIdConverter>();
        configurationBuilder.Properties<ShareId>().HaveConversion<ShareIdConverter>();
        configurationBuilder.Properties<DisagreementId>().HaveConversion<DisagreementIdConverter>();
        configurationBuilder.Properties<ContactId>().HaveConversion<ContactIdConverter>();
        configurationBuilder.Properties<ThresholdIndicatorId>().HaveConversion<ThresholdIndicatorIdConverter>();
        configurationBuilder.Properties<StrategyDiscussionId>().HaveConversion<StrategyDiscussionIdConverter>();
        configurationBuilder.Properties<ConcernPromptId>().HaveConversion<ConcernPromptIdConverter>();
        configurationBuilder.Properties<EarlyHelpEpisodeId>().HaveConversion<EarlyHelpEpisodeIdConverter>();
        configurationBuilder.Properties<Section47EnquiryId>().HaveConversion<Section47EnquiryIdConverter>();
        configurationBuilder.Properties<AssessmentId>().HaveConversion<AssessmentIdConverter>();
        configurationBuilder.Properties<PlanId>().HaveConversion<PlanIdConverter>();
        configurationBuilder.Properties<PlanActionId>().HaveConversion<PlanActionIdConverter>();
        configurationBuilder.Properties<MeetingId>().HaveConversion<MeetingIdConverter>();
        configurationBuilder.Properties<ProceedingsId>().HaveConversion<ProceedingsIdConverter>();
        configurationBuilder.Properties<ProviderId>().HaveConversion<ProviderIdConverter>();
        configurationBuilder.Properties<SettingId>().HaveConversion<SettingIdConverter>();
        configurationBuilder.Properties<PlaceOfConcernId>().HaveConversion<PlaceOfConcernIdConverter>();
        configurationBuilder.Properties<PlacementReferralId>().HaveConversion<PlacementReferralIdConverter>();
        configurationBuilder.Properties<PlacementId>().HaveConversion<PlacementIdConverter>();
        configurationBuilder.Properties<PanelDecisionId>().HaveConversion<PanelDecisionIdConverter>();
        configurationBuilder.Properties<CommissionedConditionId>().HaveConversion<CommissionedConditionIdConverter>();
        configurationBuilder.Properties<MissingEpisodeId>().HaveConversion<MissingEpisodeIdConverter>();
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }

        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CairnDbContext).Assembly);
}
