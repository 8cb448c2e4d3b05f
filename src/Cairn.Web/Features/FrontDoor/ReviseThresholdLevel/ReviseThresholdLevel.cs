using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.ReviseThresholdLevel;

public sealed record ReviseLevelCommand
{
    [StringLength(ThresholdDocument.MaxDescriptorLength)]
    public string? Descriptor { get; init; }

    /// <summary>One indicator a line; a line may end with a cause for concern in brackets, e.g. "[Neglect]".</summary>
    [StringLength(ThresholdDocument.MaxIndicatorsPerLevel * (ThresholdDocument.MaxIndicatorLength + 40))]
    public string? Indicators { get; init; }

    [StringLength(2000)]
    public string? ChangeNote { get; init; }

    /// <summary>The edition the change is based on: a change to an older edition is refused (409).</summary>
    [Required]
    public int? Edition { get; init; }
}

/// <summary>
/// Publishes a new edition of the area's threshold document (L15) with one level changed. Safeguarding leads and
/// administrators only. Old editions are kept, and decisions keep the indicators they cited.
/// </summary>
public sealed class ReviseThresholdLevelHandler(CairnDbContext db, ThresholdDocuments documents, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public async Task<Handled<ThresholdView>> ReviseAsync(ThresholdLevel level, ReviseLevelCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayEditFrontDoorSettings())
        {
            return Refusal.NotAllowed("Descriptor", "Only a safeguarding lead or an administrator can change the threshold document");
        }

        var current = await documents.CurrentAsync(user.AreaId, cancellationToken);
        var everUsed = (await documents.EditionsAsync(user.AreaId, cancellationToken))
            .SelectMany(e => e.Levels).SelectMany(l => l.Indicators).Select(i => i.Code);
        var revised = current.Revise(level, command.Descriptor, command.Indicators, command.ChangeNote, command.Edition ?? -1,
            user.ProfessionalId, clock.GetUtcNow(), everUsed);
        if (revised.Refusal is { } refusal)
        {
            return refusal;
        }

        db.ThresholdDocuments.Add(revised.Value!);
        audit.Record("threshold.publish", null, "threshold-document", revised.Value!.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone published the same edition number a moment earlier (the unique index, not a version): theirs stands.
            return ThresholdDocument.Stale;
        }

        return await documents.ViewAsync(user.AreaId, true, cancellationToken);
    }
}
