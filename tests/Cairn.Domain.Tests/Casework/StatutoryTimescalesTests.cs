using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;

namespace Cairn.Domain.Tests.Casework;

/// <summary>
/// The timescales the code enforces are the published ones, as copied into data/timescales/statutory-timescales.csv with
/// their legal basis: a change to either side without the other fails here.
/// </summary>
public sealed class StatutoryTimescalesTests
{
    internal static readonly Dictionary<string, (string Limit, string Unit)> Published = Read();

    [Fact]
    public void A_child_and_family_assessment_is_due_45_working_days_from_the_referral_T02()
    {
        Assert.Equal(("45", "working days"), Published["T02"]);
        Assert.Equal(45, AssessmentTypes.ChildAndFamilyWorkingDays);
        Assert.Equal(AssessmentTypes.ChildAndFamilyWorkingDays, AssessmentTypes.Of(AssessmentType.ChildAndFamily).DueWorkingDays);
    }

    [Fact]
    public void Only_the_child_and_family_assessment_has_a_national_timescale()
    {
        Assert.Equal([AssessmentType.ChildAndFamily], AssessmentTypes.All.Where(t => t.DueWorkingDays is not null).Select(t => t.Type));
    }

    [Fact]
    public void Plan_and_conference_timescales_match_T05_T15_T16()
    {
        Assert.Equal((PlanTimescales.InitialConferenceWorkingDays.ToString(), "working days"), Published["T05"]);
        Assert.Equal((PlanTimescales.CarePlanWorkingDays.ToString(), "working days"), Published["T15"]);
        Assert.Equal((PlanTimescales.PlacementPlanWorkingDays.ToString(), "working days"), Published["T16"]);
    }

    [Fact]
    public void The_initial_conference_meeting_type_is_due_as_T05_says()
    {
        var first = MeetingTypes.Of(MeetingKind.InitialChildProtectionConference).FirstDue!;

        Assert.Equal(Published["T05"], (first.Amount.ToString(), "working days"));
        Assert.Equal(("T05", TimescaleUnit.WorkingDays, true), (first.Source, first.Unit, first.National));
        Assert.Equal(PlanTimescales.InitialConferenceWorkingDays, first.Amount);
    }

    [Fact]
    public void A_section_47_enquiry_has_no_separate_national_deadline_T04()
    {
        Assert.Equal(("-", "-"), Published["T04"]);
    }

    private static Dictionary<string, (string, string)> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "timescales", "statutory-timescales.csv");
        Assert.True(File.Exists(path), $"The statutory timescales are missing: expected {path}, copied from data/timescales in the repository");
        return File.ReadLines(path).Skip(1).Select(Fields).ToDictionary(f => f[0], f => (f[4], f[5]));
    }

    // The file quotes fields that hold commas; none hold quotes.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var quoted = false;
        var current = new System.Text.StringBuilder();
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
