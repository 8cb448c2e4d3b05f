using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Meetings.ViewMeeting;
using Cairn.Web.Features.Plans;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.HoldMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class HoldMeetingModel(HoldMeetingHandler handler, ViewMeetingHandler view, MeetingAccessHandler meetings, ChildBannerHandler banner,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public HoldInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public MeetingDetails Meeting { get; private set; } = null!;

    public IReadOnlyList<ProfessionalOption> Professionals { get; private set; } = [];

    public IReadOnlyList<ProfessionalOption> SocialWorkers { get; private set; } = [];

    public IEnumerable<(string Value, string Text)> Decisions => Meeting.Kind switch
    {
        MeetingKind.InitialChildProtectionConference => [Option(PlanDecision.StartChildProtectionPlan), Option(PlanDecision.None)],
        MeetingKind.ReviewChildProtectionConference =>
            [Option(PlanDecision.ContinueChildProtectionPlan), Option(PlanDecision.EndChildProtectionPlan)],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new MeetingId(meetingId), cancellationToken))
        {
            return NotFound();
        }

        Input.HeldOn = clock.Today();
        Input.ChairId = Meeting.ChairId?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var held = await handler.HandleAsync(id, new HoldMeetingCommand
        {
            HeldOn = Input.HeldOn,
            ChairId = Input.ChairId is { } chair ? new ProfessionalId(chair) : null,
            Attendance = Input.Attendance.Select(a => new AttendanceMark(a.InviteeId, a.Attendance, a.ReportReceived)).ToList(),
            PlanDecision = Input.PlanDecision,
            Category = Input.PlanDecision is PlanDecision.StartChildProtectionPlan or PlanDecision.ContinueChildProtectionPlan
                ? Input.Category : null,
            LeadPractitionerId = Input.PlanDecision == PlanDecision.StartChildProtectionPlan && Input.LeadPractitionerId is { } lead
                ? new ProfessionalId(lead) : null,
            PlanChanges = Input.PlanChanges,
            NextMeetingOn = Input.NextMeetingOn,
            MissingRolesReason = Input.MissingRolesReason,
            InquorateReason = Input.InquorateReason,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(held, m => new PageDone(
                "Meeting recorded as held." + (m.FollowOn.Count > 0 ? " " + string.Join(". ", m.FollowOn) + "." : "") + " Now write the minutes.",
                $"/meetings/{meetingId}/minutes"),
            () => LoadAsync(id, cancellationToken), fieldFor: FieldFor);
    }

    private string FieldFor(string field)
    {
        if (field.StartsWith("Attendance[", StringComparison.Ordinal) && long.TryParse(field[11..^1], out var invitee))
        {
            var index = Input.Attendance.FindIndex(a => a.InviteeId == invitee);
            return $"Input.Attendance[{Math.Max(0, index)}].Attendance";
        }

        return $"Input.{field}";
    }

    private async Task<bool> LoadAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await view.HandleAsync(id, cancellationToken) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Input.Version = meeting.Version;
        var posted = Input.Attendance.ToDictionary(a => a.InviteeId);
        Input.Attendance = meeting.Invitees.Select(i => posted.GetValueOrDefault(i.Id) ?? new AttendanceInput { InviteeId = i.Id }).ToList();
        Banner = await banner.LoadAsync(meeting.ChildId, cancellationToken);
        Professionals = await meetings.ProfessionalsAsync(meeting.ChildId, meeting.Kind is not (MeetingKind.TeamAroundTheFamily
            or MeetingKind.ProfessionalsMeeting), cancellationToken);
        SocialWorkers = MeetingTypes.IsConference(meeting.Kind) ? await meetings.ProfessionalsAsync(meeting.ChildId, true, cancellationToken) : [];
        return true;
    }

    private static (string, string) Option(PlanDecision decision) => (decision.ToString(), MeetingWords.Decision(decision));

    public sealed class HoldInput
    {
        [Display(Name = "Date the meeting was held")]
        public DateOnly? HeldOn { get; set; }
        public Guid? ChairId { get; set; }
        public List<AttendanceInput> Attendance { get; set; } = [];
        public PlanDecision? PlanDecision { get; set; }
        public ChildProtectionCategory? Category { get; set; }
        public Guid? LeadPractitionerId { get; set; }
        public string? PlanChanges { get; set; }
        [Display(Name = "Date of the next meeting")]
        public DateOnly? NextMeetingOn { get; set; }
        public string? MissingRolesReason { get; set; }
        public string? InquorateReason { get; set; }
        public int? Version { get; set; }
    }

    public sealed class AttendanceInput
    {
        public long InviteeId { get; set; }
        public Attendance? Attendance { get; set; }
        public bool ReportReceived { get; set; }
    }
}
