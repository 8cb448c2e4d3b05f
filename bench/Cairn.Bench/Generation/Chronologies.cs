using System.Text;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Web.Security;

namespace Cairn.Bench.Generation;

/// <summary>
/// Chronology entries for every child, through <see cref="ChronologyEntry.Record"/> so each carries its subject
/// rows exactly as the app writes them. Entries are written in rounds, oldest first, each round touching every
/// child: as in a live system, one child's rows end up spread across the whole file rather than side by side.
/// </summary>
internal sealed class Chronologies(BenchOrganisation org, Random random, DateOnly today, DateTimeOffset now)
{
    public const int Rounds = 40;

    private static readonly string[] Sentences =
    [
        "Seen at home with mother; the home was warm and there was food in the cupboards.",
        "Parent was open about the difficulties and agreed to the plan.",
        "The child appeared quiet and did not make eye contact at first, then relaxed when playing.",
        "Father was not present; mother said he is working away this week.",
        "Discussed routines, bedtimes and school attendance.",
        "Concerns shared with the allocated social worker by phone the same day.",
        "Attendance this term is below 90% with several unexplained absences.",
        "Weight is on the 25th centile and following its line.",
        "Dental registration was discussed; the family will register with a local practice.",
        "The house was cluttered and there was a smell of damp in the back bedroom.",
        "Mother reported that the former partner has been sending messages.",
        "The plan was reviewed and actions agreed with dates and owners.",
        "Older sibling was present and said things are better at home.",
        "No visible injuries; the child was dressed appropriately for the weather.",
        "Advice given on safe sleeping and on keeping medicines out of reach.",
        "Referral made to the family support service with the parent's consent.",
        "The child's views were recorded in their own words in the section below.",
        "Next visit booked for two weeks' time; the parent has the appointment letter.",
    ];

    private static readonly string[] Words = ["I like it when Mum takes me to the park.", "I don't like it when they shout.", "School is OK, I have a best friend.", "I'm hungry when I get home.", "I want to see my dad more."];

    /// <summary>
    /// Shares <paramref name="total"/> entries out: the busiest child keeps its fixed count; the rest are spread
    /// unevenly (an exponential spread, three times as many for a child open to children's social care).
    /// </summary>
    public static void AssignQuotas(IReadOnlyList<ChildProfile> children, ChildProfile busiest, int total, Random random)
    {
        var others = children.Where(c => c != busiest).ToList();
        var weights = others.Select(c => -Math.Log(1 - random.NextDouble()) * (c.SocialWorker is null ? 1 : 3)).ToList();
        var sum = weights.Sum();
        var remaining = total - busiest.Quota;
        var assigned = 0;
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Quota = (int)(remaining * weights[i] / sum);
            assigned += others[i].Quota;
        }

        for (var i = 0; assigned < remaining; i = (i + 1) % others.Count)
        {
            others[i].Quota++;
            assigned++;
        }
    }

    /// <summary>How many of the child's entries fall in this round: spread evenly over the rounds.</summary>
    public static int InRound(ChildProfile child, int round) =>
        (int)((long)(round + 1) * child.Quota / Rounds - (long)round * child.Quota / Rounds);

    public ChronologyEntry Entry(ChildProfile child, int round)
    {
        // Round 0 is the oldest slice of the child's history; the last round reaches yesterday.
        var daysAgo = 1 + (int)((child.SpanDays - 1) * (1 - (round + random.NextDouble()) / Rounds));
        var occurredAt = Clock.FromLondon(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(8 + random.Next(10), random.Next(60))));
        var recordedAt = occurredAt.AddMinutes(random.Next(20, 72 * 60));
        if (recordedAt > now)
        {
            recordedAt = now;
        }

        var (author, category, summary, mode) = Pick(child);
        AppointmentOutcome? outcome = category == ChronologyCategory.Appointment
            ? random.NextDouble() < 0.15 ? AppointmentOutcome.WasNotBrought : AppointmentOutcome.Attended
            : null;
        var serious = category is ChronologyCategory.Police or ChronologyCategory.Incident or ChronologyCategory.MissingEpisode;
        var roll = random.NextDouble();
        var significance = roll < (serious ? 0.08 : 0.02) ? Significance.Critical
            : roll < (serious ? 0.45 : 0.14) ? Significance.Significant
            : Significance.Routine;
        VoiceOfChild? voice = category is ChronologyCategory.HomeVisit or ChronologyCategory.Assessment
            ? child.Age >= 3
                ? new VoiceOfChild(Words[random.Next(Words.Length)], "Seen alone in their bedroom", null)
                : new VoiceOfChild(null, null, "Too young to give views in words; observed playing and interacting with parent")
            : null;
        var content = new ChronologyContent(occurredAt, category, significance, mode, outcome,
            outcome == AppointmentOutcome.WasNotBrought ? summary + ": was not brought" : summary, Detail(), voice)
        {
            Concerns = Concern(category, outcome),
        };
        var about = child.SharesEntries && child.Household.Count > 1 && random.NextDouble() < 0.05
            ? child.Household
            : [child.Child.Id];
        var entry = ChronologyEntry.Record(content, about.Select(p => (p, true)).ToList(), author.AgencyId, org.KindOf(author.AgencyId), author.Id, recordedAt);
        return entry.Value ?? throw new InvalidOperationException($"Entry refused: {entry.Refusal!.Errors[0].Message}");
    }

    /// <summary>
    /// About one entry in eight records a cause for concern, of a kind that fits what happened (a missed appointment
    /// always does), so that the cumulative concern and under-2 rules have something to add up across agencies.
    /// </summary>
    private ConcernTheme Concern(ChronologyCategory category, AppointmentOutcome? outcome)
    {
        if (outcome == AppointmentOutcome.WasNotBrought)
        {
            return ConcernTheme.UnmetHealthNeeds;
        }

        if (random.NextDouble() >= 0.12)
        {
            return ConcernTheme.None;
        }

        return category switch
        {
            ChronologyCategory.Police or ChronologyCategory.Incident => random.Next(3) == 0 ? ConcernTheme.ParentalAlcoholMisuse : ConcernTheme.DomesticAbuse,
            ChronologyCategory.Education => random.Next(2) == 0 ? ConcernTheme.Neglect : ConcernTheme.Education,
            ChronologyCategory.HomeVisit => random.Next(2) == 0 ? ConcernTheme.HomeConditions : ConcernTheme.Neglect,
            ChronologyCategory.HealthAttendance or ChronologyCategory.Appointment => ConcernTheme.UnmetHealthNeeds,
            ChronologyCategory.MissingEpisode => ConcernTheme.Missing,
            _ => ConcernTheme.ParentalMentalHealth,
        };
    }

    private (Professional Author, ChronologyCategory Category, string Summary, ContactMode Mode) Pick(ChildProfile child)
    {
        var police = org.PoliceOfficers[random.Next(org.PoliceOfficers.Count)];
        var hospital = org.HospitalClinicians[random.Next(org.HospitalClinicians.Count)];
        var worker = child.SocialWorker;
        return random.Next(8) switch
        {
            0 => (child.Gp, ChronologyCategory.Appointment, "GP appointment", ContactMode.FaceToFace),
            1 when child.HealthVisitor is { } hv => (hv, ChronologyCategory.HomeVisit, "Health visitor home visit", ContactMode.FaceToFace),
            1 => (child.SchoolLead!, ChronologyCategory.Education, "Attendance and welfare check at school", ContactMode.FaceToFace),
            2 when worker is not null => (worker, ChronologyCategory.HomeVisit, "Social work home visit", ContactMode.FaceToFace),
            2 => (hospital, ChronologyCategory.HealthAttendance, "Attended the emergency department", ContactMode.FaceToFace),
            3 => (police, ChronologyCategory.Police, "Police welfare check", ContactMode.FaceToFace),
            4 when child.SchoolLead is { } school => (school, ChronologyCategory.Education, "Concern logged by school", ContactMode.FaceToFace),
            4 => (child.HealthVisitor!, ChronologyCategory.Other, "Phone call with parent about feeding and sleep", ContactMode.Phone),
            5 when worker is not null => (worker, ChronologyCategory.Meeting, "Team around the child meeting", ContactMode.Video),
            5 => (hospital, ChronologyCategory.HealthAttendance, "Outpatient paediatric review", ContactMode.FaceToFace),
            6 when worker is not null => (worker, ChronologyCategory.Assessment, "Child and family assessment update", ContactMode.FaceToFace),
            6 => (child.Gp, ChronologyCategory.Appointment, "GP appointment", ContactMode.Phone),
            _ when child.Age >= 11 => (police, ChronologyCategory.MissingEpisode, "Reported missing; found and returned home", ContactMode.FaceToFace),
            _ => (police, ChronologyCategory.Incident, "Police attended a domestic incident at the home", ContactMode.FaceToFace),
        };
    }

    /// <summary>Two to eight sentences: a few hundred characters, like a short case note.</summary>
    private string Detail()
    {
        var text = new StringBuilder("Synthetic benchmark entry.");
        for (var i = random.Next(2, 9); i > 0; i--)
        {
            text.Append(' ').Append(Sentences[random.Next(Sentences.Length)]);
        }

        return text.ToString();
    }
}
