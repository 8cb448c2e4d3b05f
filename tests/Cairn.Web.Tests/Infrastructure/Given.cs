using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.Disagreements;
using Cairn.Domain.People;
using Cairn.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// Records a test needs of its own, written straight to the database through the domain, so that a test
/// never depends on what another test in the same class has changed.
/// </summary>
public static class Given
{
    /// <summary>Says what happened, when, and what professionals should do: more than 12 words and 80 characters.</summary>
    public const string ActionableDescription =
        "Mother's former partner was seen outside the nursery twice this week. Do not release the child to him; call the police and the social worker at once.";

    public static Task<ProfessionalId> ProfessionalOfAsync(this CairnFactory factory, string email) =>
        factory.WithDbAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    /// <summary>The demo area's id: the area of the seeded professionals.</summary>
    public static Task<AreaId> DemoAreaIdAsync(this CairnFactory factory) =>
        factory.WithDbAsync(db => db.Areas.Where(a => a.Name == "Cairnmoor (demo area)").Select(a => a.Id).SingleAsync());

    /// <summary>A second area, with nobody from the demo area involved in it.</summary>
    public static async Task<AreaId> NewAreaAsync(this CairnFactory factory)
    {
        var area = Area.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6], "E06000001");
        await factory.WithDbAsync(db =>
        {
            db.Areas.Add(area);
            return db.SaveChangesAsync();
        });
        return area.Id;
    }

    /// <summary>
    /// A professional of a test's own, with an account and the demo password: in the demo social worker's team (or
    /// <paramref name="team"/>, in the same agency), or in a children's services agency of <paramref name="area"/>.
    /// For tests that deactivate, lock or sign out an account, or make someone a team's manager.
    /// </summary>
    public static async Task<(ProfessionalId Id, string Email)> ProfessionalWithAccountAsync(this CairnFactory factory, string name, AreaId? area = null,
        Role roles = Role.Practitioner, TeamId? team = null)
    {
        var email = $"test.{Guid.NewGuid():N}@cairnmoor.example";
        var id = await factory.WithDbAsync(async db =>
        {
            var worker = await db.Professionals.SingleAsync(p => p.Email == Accounts.SocialWorker);
            var (agency, inTeam) = (worker.AgencyId, team ?? worker.TeamId);
            if (area is { } elsewhere)
            {
                var other = Agency.Create(elsewhere, "Elsewhere children's services", AgencyKind.ChildrensSocialCare);
                db.Agencies.Add(other);
                (agency, inTeam) = (other.Id, null);
            }

            var professional = Professional.Create(agency, inTeam, name, roles.HasFlag(Role.TeamManager) ? "Team manager" : "Social worker", email, null, roles);
            db.Professionals.Add(professional);
            db.Accounts.Add(new Web.Security.Account { ProfessionalId = professional.Id, UserName = email, PasswordHash = DemoPasswordHash.Value });
            await db.SaveChangesAsync();
            return professional.Id;
        });
        return (id, email);
    }

    /// <summary>A team of a test's own in the demo social worker's agency (children's social care), with no manager unless given one.</summary>
    public static async Task<TeamId> TeamAsync(this CairnFactory factory, string name, ProfessionalId? manager = null)
    {
        var team = await factory.WithDbAsync(async db =>
        {
            var agency = await db.Professionals.Where(p => p.Email == Accounts.SocialWorker).Select(p => p.AgencyId).SingleAsync();
            return Team.Create(agency, name + " " + Guid.NewGuid().ToString("N")[..6]);
        });
        if (manager is { } m)
        {
            team.AssignManager(m);
        }

        await factory.WithDbAsync(db =>
        {
            db.Teams.Add(team);
            return db.SaveChangesAsync();
        });
        return team.Id;
    }

    /// <summary>An open disagreement about <paramref name="child"/>, raised by the demo social worker, whose first stage <paramref name="owner"/> owns.</summary>
    public static async Task<DisagreementId> DisagreementAsync(this CairnFactory factory, PersonId child, ProfessionalId owner)
    {
        var raiser = await factory.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == Accounts.SocialWorker));
        var draft = new DisagreementDraft("No further action on the contact of 3 March", null,
            "Three injuries in two months were not considered together.", "A strategy discussion");
        var disagreement = Disagreement.Raise(child, draft, raiser.Id, raiser.AgencyId, owner, DisagreementRules.Default, DateTimeOffset.UtcNow).Value
            ?? throw new InvalidOperationException("Test disagreement refused");
        await factory.WithDbAsync(db =>
        {
            db.Disagreements.Add(disagreement);
            return db.SaveChangesAsync();
        });
        return disagreement.Id;
    }

    private static readonly Lazy<string> DemoPasswordHash = new(() =>
        new Microsoft.AspNetCore.Identity.PasswordHasher<Web.Security.Account>().HashPassword(new Web.Security.Account(), Web.Demo.DemoSeeder.DemoPassword));

    /// <summary>A synthetic (999-range) NHS number nobody in the database has.</summary>
    public static async Task<NhsNumber> UnusedNhsNumberAsync(this CairnFactory factory)
    {
        for (var seed = Random.Shared.Next(1_000_000); ; seed++)
        {
            var candidate = NhsNumber.Synthetic(seed);
            if (!await factory.WithDbAsync(db => db.People.AnyAsync(p => p.NhsNumber == candidate.Value)))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// A person indexed for search, optionally living at a postcode since last year and with the given
    /// professional currently involved (a child only).
    /// </summary>
    public static async Task<PersonId> PersonAsync(this CairnFactory factory, string given, string family, DateOnly dateOfBirth,
        PersonKind kind = PersonKind.Child, string? nhsNumber = null, string? postcode = null, string? involved = null, AreaId? area = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var areaId = area ?? await factory.DemoAreaIdAsync();
        var creator = await factory.ProfessionalOfAsync(Accounts.Administrator);
        var details = new PersonDetails(kind, given, family, dateOfBirth, null, Sex.Unknown, null, nhsNumber, null, "English", false);
        var person = Person.Create(details, areaId, creator, DateTimeOffset.UtcNow).Value
            ?? throw new InvalidOperationException("Test person refused");
        await factory.WithDbAsync(async db =>
        {
            db.People.Add(person);
            db.PersonSearchKeys.AddRange(PersonSearchIndex.KeysFor(person));
            if (postcode is not null)
            {
                db.Addresses.Add(PersonAddress.Record(person.Id, "1 Test Street", null, "Cairnmoor", postcode, today.AddYears(-1), null).Value!);
            }

            if (involved is not null)
            {
                var professional = await db.Professionals.SingleAsync(p => p.Email == involved);
                db.Involvements.Add(new TeamAroundChild(person.Id, [])
                    .Add(professional.Id, professional.AgencyId, InvolvementRole.AllocatedSocialWorker, today.AddMonths(-1), true, professional.Id, today).Value!);
            }

            return await db.SaveChangesAsync();
        });
        return person.Id;
    }

    /// <summary>An active alert raised today, to be reviewed in two months.</summary>
    public static async Task<AlertId> AlertAsync(this CairnFactory factory, PersonId child, string ownerEmail, string risk)
    {
        var owner = await factory.ProfessionalOfAsync(ownerEmail);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var draft = new AlertDraft(AlertCategory.RiskFromAPerson, risk, "The child", "A named adult", "Police notification", today, today.AddMonths(2), ActionableDescription);
        return await factory.SaveAsync(Alert.Raise(child, draft, owner, now));
    }

    /// <summary>
    /// An alert raised some weeks ago whose review date has passed, as if the owner forgot it. Raised through
    /// the domain as of that earlier day, because today's rules refuse a review date in the past.
    /// </summary>
    public static async Task<AlertId> OverdueAlertAsync(this CairnFactory factory, PersonId child, string ownerEmail, string risk, int daysOverdue = 5)
    {
        var owner = await factory.ProfessionalOfAsync(ownerEmail);
        var raisedAt = DateTimeOffset.UtcNow.AddDays(-60);
        var raisedOn = DateOnly.FromDateTime(raisedAt.UtcDateTime);
        var draft = new AlertDraft(AlertCategory.RiskFromAPerson, risk, "The child", "A named adult", "Police notification",
            raisedOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOverdue), ActionableDescription);
        return await factory.SaveAsync(Alert.Raise(child, draft, owner, raisedAt));
    }

    private static async Task<AlertId> SaveAsync(this CairnFactory factory, Outcome<Alert> raised)
    {
        var alert = raised.Value ?? throw new InvalidOperationException($"Test alert refused: {raised.Refusal!.Errors[0].Message}");
        await factory.WithDbAsync(db =>
        {
            db.Alerts.Add(alert);
            return db.SaveChangesAsync();
        });
        return alert.Id;
    }
}
