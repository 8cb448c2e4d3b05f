using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Domain.Concerns;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EarlyHelp.CloseEpisode;

/// <summary>Closing an episode. Version is the one the person saw.</summary>
public sealed record CloseEpisodeCommand
{
    public ClosureReason? Reason { get; init; }

    public DateOnly? ClosedOn { get; init; }

    [StringLength(EarlyHelpDraft.MaxPlanLength)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Closes an episode with a reason. Closing because the family disengaged or withdrew consent while concerns remain
/// makes a contact at the front door and waits (L18): asking again closes it once that contact is decided and signed off.
/// </summary>
public sealed class CloseEpisodeHandler(CairnDbContext db, EarlyHelpAccessHandler earlyHelp, CurrentUser user, AuditLog audit,
    WorkingCalendarSource calendars)
{
    public Task<Handled<ChangedEpisode>> HandleAsync(EarlyHelpEpisodeId id, CloseEpisodeCommand command, CancellationToken cancellationToken) =>
        earlyHelp.ChangeAsync(id, "early-help.close", "Reason", async (episode, now) =>
        {
            var concernsRemain = await ConcernsRemainAsync(episode.ChildId, now, cancellationToken);
            var decided = await earlyHelp.FrontDoorCheckDecidedAsync(episode, cancellationToken);
            var step = episode.Close(command.Reason, command.ClosedOn, command.Note, concernsRemain, decided, command.Version ?? 0,
                user.ProfessionalId, now);
            if (step.Refusal is { } refusal)
            {
                return refusal;
            }

            if (step.Value == ClosureStep.Closed)
            {
                return Outcome<string>.Success("early-help.close");
            }

            await AskFrontDoorAsync(episode, now, cancellationToken);
            return Outcome<string>.Success("early-help.request-front-door-check");
        }, cancellationToken);

    /// <summary>The facts the L18 rule needs, read from the alert and chronology indexes, then decided in the domain.</summary>
    private async Task<bool> ConcernsRemainAsync(PersonId childId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hasActiveAlert = await db.Alerts.AnyAsync(a => a.ChildId == childId && a.Status == AlertStatus.Active, cancellationToken);
        var from = EarlyHelpEpisode.ConcernWindowStart(now);
        var entries = await db.ChronologySubjects.AsNoTracking()
            .Where(s => s.PersonId == childId && s.OccurredAt >= from && s.Concerns != ConcernTheme.None)
            .Select(s => new RecentConcern(s.OccurredAt, s.Concerns))
            .ToListAsync(cancellationToken);
        return EarlyHelpEpisode.ConcernsRemain(hasActiveAlert, entries, now);
    }

    /// <summary>
    /// Makes the front door contact for the L18 check, from the lead professional so the front door can call them back.
    /// The concerns text says why, with no names: the front door reads the child's record for the rest.
    /// </summary>
    private async Task AskFrontDoorAsync(EarlyHelpEpisode episode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await db.Professionals.AsNoTracking().Where(p => p.Id == episode.LeadProfessionalId)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, p.Phone, p.Email, Agency = a.Name })
            .SingleAsync(cancellationToken);
        var area = await db.People.Where(p => p.Id == episode.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var from = EarlyHelpEpisode.ConcernWindowStart(now);
        var themes = (await db.ChronologySubjects.AsNoTracking()
                .Where(s => s.PersonId == episode.ChildId && s.OccurredAt >= from && s.Concerns != ConcernTheme.None)
                .Select(s => s.Concerns).ToListAsync(cancellationToken))
            .Aggregate(ConcernTheme.None, (all, t) => all | t);
        var why = episode.ClosureReason == ClosureReason.ConsentWithdrawn ? "the family has withdrawn consent" : "the family has disengaged";
        var concerns = $"An early help episode is closing because {why}, and concerns remain (an active alert, or chronology entries with causes "
                       + $"for concern in the last {EarlyHelpEpisode.ConcernWindowDays} days). The episode will not close until the front door has "
                       + "checked and decided this contact. The referrer is the episode's lead professional.";
        var referrer = new Referrer(lead.Name, lead.Agency, "Early help lead professional", lead.Phone, lead.Email, false);
        var draft = new ContactDraft(ContactSource.EarlyHelpClosure, referrer, concerns, themes, now);
        var received = Contact.Receive(draft, episode.ChildId, area, Guid.CreateVersion7(), user.ProfessionalId, lead.Id, null, now,
            await calendars.GetAsync(cancellationToken), await AreaOutOfHoursRules.ForAreaAsync(db, area, cancellationToken));
        var contact = received.Value
                      ?? throw new InvalidOperationException(
                          $"The early help closure contact was refused: {received.Refusal!.Errors[0].Message}");
        db.Contacts.Add(contact);
        episode.AwaitFrontDoorCheck(contact.Id);
        audit.Record("contact.receive", episode.ChildId, "contact", contact.Id.Value, detail: ContactSource.EarlyHelpClosure.ToString());
    }
}
