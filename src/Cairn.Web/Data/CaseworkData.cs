using Cairn.Domain;
using Cairn.Domain.Casework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class Section47EnquiryConfiguration : IEntityTypeConfiguration<Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Section47Enquiry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.PoliceRole).HasMaxLength(Section47Enquiry.MaxRoleLength);
        b.Property(x => x.HealthRole).HasMaxLength(Section47Enquiry.MaxRoleLength);
        b.Property(x => x.OutcomeReasons).HasMaxLength(Section47Enquiry.MaxReasonsLength);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.EnquiryId);
        b.Navigation(x => x.Events).HasField("_events");
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => new { x.LeadSocialWorkerId, x.Status });
        // One enquiry per strategy discussion, however many people press start at once.
        b.HasIndex(x => x.StrategyDiscussionId).IsUnique();
    }
}

internal sealed class Section47EventConfiguration : IEntityTypeConfiguration<Section47Event>
{
    public void Configure(EntityTypeBuilder<Section47Event> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(Section47Enquiry.MaxReasonsLength);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(Assessment.MaxNameLength);
        foreach (var text in new[] { "VoiceOfChild", "Health", "Findings", "Analysis", "Recommendations", "LateReason" })
        {
            b.Property<string?>(text).HasMaxLength(AssessmentSections.MaxLength);
        }

        b.Ignore(x => x.ContributingAgencies);
        b.Property<List<AgencyId>>("_contributingAgencies").HasColumnName("ContributingAgencies").AsJson();
        b.Ignore(x => x.Escalation);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.AssessmentId);
        b.Navigation(x => x.Events).HasField("_events");
        b.HasIndex(x => new { x.ChildId, x.Type });
        b.HasIndex(x => new { x.LeadId, x.Status });
        b.HasIndex(x => x.SubjectId);
        b.HasIndex(x => x.EnquiryId);
        b.HasIndex(x => x.NextEscalationAt);
        // The compliance list reads assessments not yet authorised in due-date order (issue #14).
        b.HasIndex(x => new { x.Status, x.DueOn, x.Id });
    }
}

internal sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(AssessmentSections.MaxLength);
    }
}

internal sealed class AssessmentCitationConfiguration : IEntityTypeConfiguration<AssessmentCitation>
{
    public void Configure(EntityTypeBuilder<AssessmentCitation> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(AssessmentCitation.MaxNoteLength);
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => x.AssessmentId);
        b.HasIndex(x => new { x.CitedByKind, x.CitedById });
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.EndReason).HasMaxLength(AssessmentSections.MaxLength);
        b.Ignore(x => x.Draft);
        b.Ignore(x => x.Current);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.PlanId);
        b.Navigation(x => x.Versions).HasField("_versions");
        b.HasIndex(x => new { x.ChildId, x.Status });
        b.HasIndex(x => new { x.LeadId, x.Status });
        b.HasIndex(x => x.EpisodeId);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Sections);
        b.Ignore(x => x.Actions);
        // The sections are kept whole, as written, so any two versions can be compared (L24).
        b.Property<List<PlanSection>>("_sections").HasColumnName("Sections").AsJson();
        b.Property(x => x.MadeFrom).HasMaxLength(Plan.MaxTitleLength);
        b.Property(x => x.AgreedAt).HasMaxLength(Plan.MaxAgreedAtLength);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.What).HasMaxLength(Plan.MaxActionLength);
        b.Property(x => x.Note).HasMaxLength(PlanAction.MaxNoteLength);
        b.Ignore(x => x.Escalation);
        b.HasIndex(x => new { x.PlanId, x.Key }).IsUnique();
        b.HasIndex(x => x.ChildId);
        // "My overdue actions" and a manager's list read open actions in force by owner and due date, and page them in
        // (due date, id) order, from the index alone: the id is in the index so no row is read to sort.
        b.HasIndex(x => new { x.OwnerId, x.InForce, x.Status, x.DueOn, x.Id });
        // The area's compliance list reads every open action in force in due-date order, whoever owns it (issue #14).
        b.HasIndex(x => new { x.InForce, x.Status, x.DueOn, x.Id });
        b.HasIndex(x => x.NextEscalationAt);
    }
}

/// <summary>T15: the care plan due for each period of care, keyed by the legal status that began it.</summary>
internal sealed class CarePlanDueConfiguration : IEntityTypeConfiguration<CarePlanDue>
{
    public void Configure(EntityTypeBuilder<CarePlanDue> b)
    {
        b.ToTable("CarePlansDue");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Escalation);
        b.HasIndex(x => new { x.ChildId, x.Status });
        // The compliance list reads open care plans in due-date order; the owner's own list by owner.
        b.HasIndex(x => new { x.Status, x.DueOn, x.Id });
        b.HasIndex(x => new { x.OwnerId, x.Status });
        b.HasIndex(x => x.NextEscalationAt);
    }
}

/// <summary>
/// One area's currency periods for assessments (L25): how many months each type stays current once authorised. No row means
/// <see cref="AssessmentCurrency.Default"/>.
/// </summary>
public sealed class AreaAssessmentCurrency
{
    public AreaId AreaId { get; set; }

    /// <summary>Months by assessment type, stored as JSON ({"ChildAndFamily": 12, …}).</summary>
    public Dictionary<AssessmentType, int> Months { get; set; } = [];
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public AssessmentCurrency ToCurrency() => AssessmentCurrency.Create(Months.ToDictionary(m => m.Key, m => (int?)m.Value)).Value
                                              ?? AssessmentCurrency.Default;

    /// <summary>The periods for one area: its own, or the defaults.</summary>
    public static async Task<AssessmentCurrency> ForAreaAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.AssessmentCurrency.AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        return row?.ToCurrency() ?? AssessmentCurrency.Default;
    }

    /// <summary>The periods of the area a child's record belongs to.</summary>
    public static async Task<AssessmentCurrency> ForChildAsync(CairnDbContext db, PersonId child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.AssessmentCurrency.AsNoTracking()
            .Where(r => db.People.Any(p => p.Id == child && p.AreaId == r.AreaId))
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToCurrency() ?? AssessmentCurrency.Default;
    }
}

internal sealed class AreaAssessmentCurrencyConfiguration : IEntityTypeConfiguration<AreaAssessmentCurrency>
{
    public void Configure(EntityTypeBuilder<AreaAssessmentCurrency> b)
    {
        b.ToTable("AssessmentCurrency");
        b.HasKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Months).AsJson();
    }
}
