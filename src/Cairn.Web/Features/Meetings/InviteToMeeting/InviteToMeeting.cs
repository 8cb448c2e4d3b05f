using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.InviteToMeeting;

/// <summary>Someone to invite: a professional, or a member of the family (the child, a parent). Version is the one read.</summary>
public sealed record InviteToMeetingCommand
{
    public ProfessionalId? ProfessionalId { get; init; }

    public PersonId? PersonId { get; init; }

    /// <summary>Their role at the meeting; by default from their agency's kind (a GP practice: the GP) or their relationship to the child.</summary>
    public MeetingRole? Role { get; init; }

    public int? Version { get; init; }
}

/// <summary>Someone Cairn suggests inviting: in the team around the child, or a parent.</summary>
public sealed record InviteSuggestion(ProfessionalId? ProfessionalId, PersonId? PersonId, string Name, MeetingRole Role, string Because);

/// <summary>
/// Invites someone to a meeting that has not been held (L21, L26): an active professional of any agency in the area, whose
/// invitation is a followed-through share to be received and confirmed; or the child, or a member of their family, invited in
/// person. Suggests the team around the child (GP, health visitor or school nurse, school, police, social worker, reviewing
/// officer) and the child's parents.
/// </summary>
public sealed class InviteToMeetingHandler(CairnDbContext db, MeetingAccessHandler meetings, MeetingSharesHandler shares, CurrentUser user,
    TimeProvider clock)
{
    private static readonly RelationshipType[] Family =
    [
        RelationshipType.Parent, RelationshipType.StepParent, RelationshipType.PartnerOfParent, RelationshipType.Sibling,
        RelationshipType.HouseholdMember, RelationshipType.SignificantAdult,
    ];

    public Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, InviteToMeetingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return meetings.ChangeAsync(id, "meeting.invite", async (meeting, now) =>
        {
            if (command.Version != meeting.Version)
            {
                return Meeting.Stale;
            }

            if ((command.ProfessionalId is null) == (command.PersonId is null))
            {
                return Refusal.Of("ProfessionalId", "Select a professional, or a member of the family, to invite");
            }

            InviteeDraft draft;
            if (command.ProfessionalId is { } professional)
            {
                if (await meetings.AgencyOfAsync(meeting.ChildId, professional, cancellationToken) is not { } agency)
                {
                    return Refusal.Of("ProfessionalId", "Select an active professional of an agency in the area");
                }

                draft = new InviteeDraft(command.Role ?? MeetingAccessHandler.RoleFor(agency.Kind), professional, agency.Agency, null);
            }
            else
            {
                if (await FamilyRoleAsync(meeting.ChildId, command.PersonId!.Value, cancellationToken) is not { } role)
                {
                    return Refusal.Of("PersonId", "Select the child or a member of their family");
                }

                draft = new InviteeDraft(command.Role ?? role, null, null, command.PersonId);
            }

            var invited = meeting.Invite(draft, user.ProfessionalId, now);
            if (invited.Refusal is { } refusal)
            {
                return refusal;
            }

            await shares.SendInvitationAsync(meeting, invited.Value!, user.ProfessionalId, now, cancellationToken);
            return null;
        }, cancellationToken);
    }

    /// <summary>The team around the child and the child's parents who are not yet invited, with the role each would have.</summary>
    public async Task<IReadOnlyList<InviteSuggestion>> SuggestionsAsync(PersonId child, IReadOnlyCollection<ProfessionalId> invited,
        IReadOnlyCollection<PersonId> invitedFamily, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invited);
        ArgumentNullException.ThrowIfNull(invitedFamily);
        var today = clock.Today();
        var team = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals.Where(p => p.IsActive), i => i.ProfessionalId, p => p.Id, (i, p) => new { i.Role, p.Id, p.Name })
            .ToListAsync(cancellationToken);
        var suggestions = team.Where(t => MeetingAccessHandler.RoleFor(t.Role) is not null && !invited.Contains(t.Id)).DistinctBy(t => t.Id)
            .Select(t => new InviteSuggestion(t.Id, null, t.Name, MeetingAccessHandler.RoleFor(t.Role)!.Value, Shared.Display.Text(t.Role)))
            .OrderBy(s => s.Role).ToList();
        var parents = await MeetingSchedulingHandler.ParentsAsync(db, child, cancellationToken);
        var names = await db.People.AsNoTracking().Where(p => parents.Contains(p.Id) && !invitedFamily.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).ToListAsync(cancellationToken);
        suggestions.AddRange(names.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new InviteSuggestion(null, p.Id, p.Name, MeetingRole.Parent, "Parent")));
        return suggestions;
    }

    /// <summary>The child and the members of their family who may be invited, with the role each would have.</summary>
    public async Task<IReadOnlyList<(PersonId Id, string Name, MeetingRole Role)>> FamilyAsync(PersonId child, CancellationToken cancellationToken)
    {
        var related = await db.Relationships.AsNoTracking()
            .Where(r => r.EndedOn == null && Family.Contains(r.Type) && (r.ToPersonId == child || r.FromPersonId == child))
            .Select(r => new { Other = r.ToPersonId == child ? r.FromPersonId : r.ToPersonId, r.Type, ParentOf = r.ToPersonId == child })
            .ToListAsync(cancellationToken);
        var ids = related.Select(r => r.Other).Append(child).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        return ids.Where(names.ContainsKey).Select(id => (id, names[id], id == child ? MeetingRole.Child
                : related.Any(r => r.Other == id && r.ParentOf && r.Type is RelationshipType.Parent or RelationshipType.StepParent)
                    ? MeetingRole.Parent
                    : MeetingRole.Other))
            .ToList();
    }

    private async Task<MeetingRole?> FamilyRoleAsync(PersonId child, PersonId person, CancellationToken cancellationToken)
    {
        var family = await FamilyAsync(child, cancellationToken);
        return family.Where(f => f.Id == person).Select(f => (MeetingRole?)f.Role).FirstOrDefault();
    }
}
