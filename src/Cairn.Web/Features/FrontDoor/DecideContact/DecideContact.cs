using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.FrontDoor.DecideContact;

public sealed record DecideContactCommand
{
    [Required]
    public ThresholdLevel? Level { get; init; }

    [Required]
    public TriageOutcome? Outcome { get; init; }

    [StringLength(ContactDraft.MaxConcernsLength)]
    public string? Reasons { get; init; }

    /// <summary>Codes of the threshold document's indicators seen, from the current edition.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// The front door's decision on a contact against the area's threshold document (L15): level, outcome, reasons and the
/// indicators seen. It then waits for a manager's sign-off (L20).
/// </summary>
public sealed class DecideContactHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    ThresholdDocuments thresholds)
{
    /// <returns>Not found when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<TriageResult>> DecideAsync(ContactId id, DecideContactCommand command, CancellationToken cancellationToken)
    {
        if (await db.ContactToChangeAsync(access, id, cancellationToken) is not { } contact)
        {
            return Handled.NotFound;
        }

        return await DecideContactAsync(contact, command, cancellationToken).AuditRefusalAsync(audit, "contact.decide", contact.ChildId, "contact",
            id.Value, cancellationToken);
    }

    private async Task<Handled<TriageResult>> DecideContactAsync(Contact contact, DecideContactCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayDecide())
        {
            return Refusal.Of("Outcome", "Only the front door can make a triage decision");
        }

        var document = await thresholds.CurrentAsync(contact.AreaId, cancellationToken);
        var seen = new List<IndicatorSeen>();
        foreach (var code in command.Indicators.Distinct())
        {
            if (document.Indicator(code) is not { } indicator)
            {
                return Refusal.Of("Indicators",
                    $"\"{code}\" is not an indicator in the current threshold document (edition {document.Edition})");
            }

            seen.Add(new IndicatorSeen(indicator.Code, indicator.Text));
        }

        var draft = new TriageDraft(command.Level, command.Outcome, command.Reasons, seen);
        if (contact.Decide(draft, user.ProfessionalId, command.Version ?? -1, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.decide", contact.ChildId, "contact", contact.Id.Value);
        if (await db.SaveOrConflictAsync(Contact.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TriageResult(contact.Id, contact.Status, contact.Version, null, null);
    }
}
