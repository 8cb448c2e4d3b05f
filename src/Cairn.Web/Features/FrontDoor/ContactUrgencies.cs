using Cairn.Domain.Shares;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>How urgent a contact is, as the forms that record one offer it (L02).</summary>
public static class ContactUrgencies
{
    public static IReadOnlyList<(string Value, string Text)> Items { get; } =
    [
        (nameof(Urgency.Immediate), "Immediate: a child may need protecting now"),
        (nameof(Urgency.SameWorkingDay), "Today: someone must act before the end of the working day"),
        (nameof(Urgency.WithinWorkingDays), "Standard: a triage decision within one working day"),
    ];

    public const string Hint = "Out of hours every contact goes to the Emergency Duty Team. "
        + "An urgent contact still undecided at the close of the working day goes to them too.";

    /// <summary>How a contact's urgency reads on the queue and the contact's page.</summary>
    public static string Text(Urgency urgency) => urgency switch
    {
        Urgency.Immediate => "Immediate",
        Urgency.SameWorkingDay => "Today",
        _ => "Standard",
    };
}
