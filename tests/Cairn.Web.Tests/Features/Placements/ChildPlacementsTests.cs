using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Placements;

/// <summary>
/// After admission, through the real app (issue #15; L38, L41, L44, L54; T12–T14, T16): statutory visits fall due a week after the
/// placement and then from each visit, escalate when missed, and record the child's views; the placement plan is due in five
/// working days. Commissioned conditions: children's social care records what a placement was
/// commissioned to deliver and other agencies may not; anyone who sees the child records what they observe; an observed breach needs
/// a risk assessment and escalates by itself when none is linked in time; the regulator and the Designated Officer are told by
/// followed-through shares; ending the placement keeps it as history, ends its conditions and gives the setting its vacancy back.
/// </summary>
public sealed class ChildPlacementsTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private const string Edge = "YO3 5ZN";

    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    /// <summary>A child of the social worker's placed in a new setting today, with a police officer in the team around them.</summary>
    private async Task<(Guid Child, Guid Placement, Guid Setting)> PlacedAsync()
    {
        var setting = await factory.SettingAsync(PlacementTestData.Unique("Heworth House"), Edge, vacancies: 2);
        var (child, referral, version) = await factory.ReferredAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var placed = await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            new { settingId = setting, startedOn = Today, familyInformed = "InPerson", familyConsulted = true, version });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var police = await factory.ProfessionalOfAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.Created, (await social.PostAsJsonAsync($"/api/v1/people/{child}/team",
            new { professionalId = police.Value, role = "PoliceOfficer", startedOn = Today })).StatusCode);
        return (child, (await placed.JsonAsync()).GetProperty("placementId").GetGuid(), setting);
    }

    private static object TwoToOne => new { kind = "Staffing", description = "Two staff with her at all times, day and night", from = Today };

    private async Task<int> EscalateAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConditionSweep>().EscalateAsync(now);
    }

    private async Task<int> EscalateVisitsAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VisitSweep>().EscalateAsync(now);
    }

    private async Task<int> EscalatePlansAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VisitSweep>().EscalatePlansAsync(now);
    }

    [Fact]
    public async Task A_placement_has_its_first_visit_due_in_a_week_a_missed_visit_escalates_and_a_visit_with_the_childs_views_stops_it()
    {
        var (child, placement, _) = await PlacedAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var current = (await (await social.GetAsync($"/api/v1/people/{child}/placements")).JsonAsync()).GetProperty("current");
        var dueOn = DateOnly.Parse(current.GetProperty("nextVisitDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Today.AddDays(7), dueOn);
        Assert.True(current.TryGetProperty("placementPlanDueOn", out var planDue) && planDue.ValueKind == JsonValueKind.String);

        // Not visited by the close of the due day: the social worker and their manager are told.
        var late = DateTimeOffset.UtcNow.AddDays(12);
        Task<int> Level() => factory.WithDbAsync(db => db.Placements.Where(p => p.Id == new PlacementId(placement))
            .Select(p => p.EscalationLevel).SingleAsync());
        Assert.True(await EscalateVisitsAsync(late) >= 1);
        Assert.Equal(1, await Level()); // one rung per sweep, however late (the domain tests cover each rung once)
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == "placement-visit.escalated" && n.ProfessionalId == sam
                                                                                   && n.Link == $"/people/{child}/placements")));

        var version = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == new PlacementId(placement)).Select(p => p.Version).SingleAsync());
        var byPolice = await (await factory.ApiAsAsync(Accounts.Police)).PostAsJsonAsync($"/api/v1/placements/{placement}/visits",
            new { visitedOn = Today, seenAlone = true, childsViews = "Likes her room.", version });
        var noViews = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/visits", new { visitedOn = Today, seenAlone = true, version });
        var visited = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/visits",
            new { visitedOn = Today, seenAlone = false, notSeenAloneReason = "Her carer stayed: she asked them to.", childsViews = "Likes her room.", version });

        Assert.Equal(HttpStatusCode.Forbidden, byPolice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noViews.StatusCode);
        Assert.True(visited.StatusCode == HttpStatusCode.OK, await visited.Content.ReadAsStringAsync());
        var after = (await (await social.GetAsync($"/api/v1/people/{child}/placements")).JsonAsync()).GetProperty("current");
        Assert.Equal(Today.AddDays(42).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            after.GetProperty("nextVisitDueOn").GetString());
        Assert.Equal("Likes her room.", after.GetProperty("visits")[0].GetProperty("childsViews").GetString());
        await EscalateVisitsAsync(late.AddMinutes(2));
        Assert.Equal(0, await Level());
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child}/placements");
        Assert.Contains("not seen alone (Her carer stayed: she asked them to.)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placement_plan_not_agreed_in_five_working_days_escalates_to_the_childs_worker_once_per_rung_until_it_is_agreed()
    {
        var (child, placement, _) = await PlacedAsync();
        var id = new PlacementId(placement);
        var due = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == id).Select(p => p.PlanNextEscalationAt).SingleAsync());
        Assert.NotNull(due);

        // Other tests' placements share the database: read this placement's own plan rung after each sweep.
        Task<int> Level() => factory.WithDbAsync(db => db.Placements.Where(p => p.Id == id).Select(p => p.PlanEscalationLevel).SingleAsync());
        await EscalatePlansAsync(due.Value.AddMinutes(-1));
        Assert.Equal(0, await Level());
        await EscalatePlansAsync(due.Value.AddMinutes(1));
        Assert.Equal(1, await Level());
        await EscalatePlansAsync(due.Value.AddMinutes(2));
        Assert.Equal(1, await Level());
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == "placement-plan.escalated" && n.ProfessionalId == sam
                                                                                   && n.Link == $"/people/{child}/placements")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "placement-plan.escalate"
                                                                                        && a.RecordId == placement && a.ActorId == null)));

        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var version = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var agreed = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/placement-plan", new { agreedOn = Today, version });
        Assert.True(agreed.StatusCode == HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
        await EscalatePlansAsync(due.Value.AddDays(20));
        Assert.Equal(1, await Level());
        Assert.Null(await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == id).Select(p => p.PlanNextEscalationAt).SingleAsync()));
    }

    [Fact]
    public async Task Only_childrens_social_care_records_a_condition_and_anyone_who_sees_the_child_records_what_they_observe()
    {
        var (child, placement, _) = await PlacedAsync();
        var police = await factory.ApiAsAsync(Accounts.Police);
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);

        var refused = await police.PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne);
        var recorded = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne);
        var stranger = await (await factory.ApiAsAsync(Accounts.Uninvolved)).PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var condition = await recorded.JsonAsync();
        var observed = await police.PostAsJsonAsync($"/api/v1/commissioned-conditions/{condition.GetProperty("id").GetGuid()}/observations",
            new { observedOn = Today, source = "OtherProfessional", delivery = "Delivered", version = condition.GetProperty("version").GetInt32() });
        Assert.True(observed.StatusCode == HttpStatusCode.OK, await observed.Content.ReadAsStringAsync());
        Assert.False((await observed.JsonAsync()).GetProperty("breachOpen").GetBoolean());
        Assert.Equal(1, await factory.WithDbAsync(db => db.CommissionedConditions.CountAsync(c => c.ChildId == new PersonId(child))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "commissioned-condition.record"
                                                                                    && a.PersonId == child && a.Outcome == "refused")));
    }

    [Fact]
    public async Task An_observed_breach_needs_a_risk_assessment_escalates_when_none_follows_and_a_linked_one_stops_it()
    {
        var (child, placement, _) = await PlacedAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var condition = await (await social.PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne)).JsonAsync();
        var id = condition.GetProperty("id").GetGuid();

        var breach = await social.PostAsJsonAsync($"/api/v1/commissioned-conditions/{id}/observations", new
        {
            observedOn = Today,
            source = "Child",
            delivery = "NotDelivered",
            note = "Only one member of staff overnight on Saturday",
            version = condition.GetProperty("version").GetInt32(),
        });
        Assert.True(breach.StatusCode == HttpStatusCode.OK, await breach.Content.ReadAsStringAsync());
        var open = await breach.JsonAsync();
        Assert.True(open.GetProperty("breachOpen").GetBoolean());
        var due = open.GetProperty("riskAssessmentDueAt").GetDateTimeOffset();

        // Other tests' breaches share the database: read this condition's own rung after each sweep.
        Task<int> Level() => factory.WithDbAsync(db => db.CommissionedConditions.Where(c => c.Id == new CommissionedConditionId(id))
            .Select(c => c.EscalationLevel).SingleAsync());
        await EscalateAsync(due.AddMinutes(-1));
        Assert.Equal(0, await Level());
        Assert.True(await EscalateAsync(due.AddMinutes(1)) >= 1);
        Assert.Equal(1, await Level());
        await EscalateAsync(due.AddMinutes(2));
        Assert.Equal(1, await Level());
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == "condition-breach.escalated"
                                                                                   && n.ProfessionalId == sam && n.Link == $"/people/{child}/placements")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "condition-breach.escalate" && a.RecordId == id)));

        // A risk assessment started since the breach answers it and stops the ladder.
        var started = await social.PostAsJsonAsync($"/api/v1/people/{child}/assessments", new { type = "Risk", startedOn = Today });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var now = await (await social.GetAsync($"/api/v1/people/{child}/placements")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/v1/people/{child}/placements")).StatusCode);
        var version = await factory.WithDbAsync(db => db.CommissionedConditions.Where(c => c.Id == new CommissionedConditionId(id))
            .Select(c => c.Version).SingleAsync());
        var answered = await social.PostAsJsonAsync($"/api/v1/commissioned-conditions/{id}/risk-assessment",
            new { assessmentId = (await started.JsonAsync()).GetProperty("id").GetGuid(), version });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        Assert.False((await answered.JsonAsync()).GetProperty("breachOpen").GetBoolean());
        await EscalateAsync(due.AddDays(10));
        Assert.Equal(1, await Level());
        Assert.Equal(1, now.GetProperty("placements").GetArrayLength());
    }

    [Fact]
    public async Task The_regulator_and_the_designated_officer_are_told_once_each_by_a_followed_through_share()
    {
        var (_, placement, _) = await PlacedAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var condition = await (await social.PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne)).JsonAsync();
        var id = condition.GetProperty("id").GetGuid();
        var breach = await (await social.PostAsJsonAsync($"/api/v1/commissioned-conditions/{id}/observations", new
        {
            observedOn = Today,
            source = "SettingStaff",
            delivery = "PartlyDelivered",
            note = "Agency staff covered nights; the second member of staff left at midnight",
            version = condition.GetProperty("version").GetInt32(),
        })).JsonAsync();
        var officer = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);

        var told = await social.PostAsJsonAsync($"/api/v1/commissioned-conditions/{id}/notices",
            new { to = "DesignatedOfficer", professionalId = officer.Value, version = breach.GetProperty("version").GetInt32() });
        Assert.True(told.StatusCode == HttpStatusCode.OK, await told.Content.ReadAsStringAsync());
        var again = await social.PostAsJsonAsync($"/api/v1/commissioned-conditions/{id}/notices",
            new { to = "DesignatedOfficer", professionalId = officer.Value, version = (await told.JsonAsync()).GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var shares = await factory.WithDbAsync(db => db.Shares.Where(s => s.Kind == ShareKind.ConditionBreachNotice && s.RecipientProfessional == officer)
            .ToListAsync());
        Assert.Single(shares, s => s.Subject.Contains("Heworth House", StringComparison.Ordinal) && s.SentAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Ending_the_placement_keeps_it_as_history_ends_its_conditions_and_gives_the_setting_its_vacancy_back()
    {
        var (child, placement, setting) = await PlacedAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.Created, (await social.PostAsJsonAsync($"/api/v1/placements/{placement}/conditions", TwoToOne)).StatusCode);
        var before = await (await social.GetAsync($"/api/v1/people/{child}/placements")).JsonAsync();
        var version = before.GetProperty("placements")[0].GetProperty("version").GetInt32();

        var byPolice = await (await factory.ApiAsAsync(Accounts.Police)).PostAsJsonAsync($"/api/v1/placements/{placement}/end",
            new { endedOn = Today, reasonForChange = "CARPL", version });
        var badReason = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/end", new { endedOn = Today, reasonForChange = "NOPE", version });
        var ended = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/end", new { endedOn = Today, reasonForChange = "CARPL", version });

        Assert.Equal(HttpStatusCode.Forbidden, byPolice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        var after = await (await social.GetAsync($"/api/v1/people/{child}/placements")).JsonAsync();
        var kept = after.GetProperty("placements")[0];
        Assert.Equal("CARPL", kept.GetProperty("reasonForChange").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("current").ValueKind);
        Assert.True(await factory.WithDbAsync(db => db.CommissionedConditions.AllAsync(c => c.PlacementId != new PlacementId(placement)
                                                                                            || c.EndedOn != null)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.PlacementSettings.Where(s => s.Id == new SettingId(setting)).Select(s => s.Vacancies)
            .SingleAsync()));
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child}/placements");
        Assert.Contains("has no current placement", page, StringComparison.Ordinal);
        Assert.Contains("Heworth House", page, StringComparison.Ordinal);
    }
}
