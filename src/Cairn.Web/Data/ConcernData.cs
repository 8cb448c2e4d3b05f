using Cairn.Domain;
using Cairn.Domain.Concerns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class ConcernPromptConfiguration : IEntityTypeConfiguration<ConcernPrompt>
{
    public const string SteppedUpContact = "SteppedUpContactId";

    public void Configure(EntityTypeBuilder<ConcernPrompt> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.Reason).HasMaxLength(ConcernPrompt.MaxReasonLength);
        b.Ignore(x => x.Entries);
        b.Ignore(x => x.Contacts);
        b.Ignore(x => x.IsOpen);
        // The front-door contact made when the answer was to step up: the prompt links to it.
        b.Property<ContactId?>(SteppedUpContact);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.PromptId);
        b.Navigation(x => x.Events).HasField("_events");
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.PromptId);
        b.Navigation(x => x.Evidence).HasField("_evidence");

        // Reconciling reads a child's prompts for a rule; "my prompts" reads by assignee; the sweep by due time.
        b.HasIndex(x => new { x.Child, x.Rule, x.Status });
        b.HasIndex(x => new { x.AssignedProfessional, x.Status });
        b.HasIndex(x => new { x.AssignedTeam, x.Status });
        b.HasIndex(x => x.NextEscalationAt);
    }
}

internal sealed class ConcernPromptEventConfiguration : IEntityTypeConfiguration<ConcernPromptEvent>
{
    public void Configure(EntityTypeBuilder<ConcernPromptEvent> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(ConcernPrompt.MaxReasonLength + 100);
    }
}

internal sealed class ConcernPromptEvidenceConfiguration : IEntityTypeConfiguration<ConcernPromptEvidence>
{
    public void Configure(EntityTypeBuilder<ConcernPromptEvidence> b)
    {
        // Evidence is only ever added; a surrogate key keeps entry and contact evidence in one table.
        b.Property<long>("Id");
        b.HasKey("Id");
        b.HasIndex(x => x.EntryId);
        b.HasIndex(x => x.ContactId);
    }
}

internal sealed class AreaConcernRulesConfiguration : IEntityTypeConfiguration<AreaConcernRules>
{
    public void Configure(EntityTypeBuilder<AreaConcernRules> b)
    {
        b.ToTable("ConcernRuleSettings");
        b.HasKey(x => x.AreaId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Settings).HasMaxLength(20_000).AsJson();
    }
}

internal sealed class PendingEvaluationConfiguration : IEntityTypeConfiguration<PendingEvaluation>
{
    public void Configure(EntityTypeBuilder<PendingEvaluation> b)
    {
        b.HasKey(x => x.Id);
        // The sweep takes the oldest first.
        b.HasIndex(x => x.QueuedAt);
    }
}
