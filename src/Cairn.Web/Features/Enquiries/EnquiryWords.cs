using Cairn.Domain.Casework;

namespace Cairn.Web.Features.Enquiries;

/// <summary>The words the section 47 pages use for an enquiry's outcome, status and events (CIN census wording).</summary>
public static class EnquiryWords
{
    public static string Outcome(Section47Outcome? outcome) => outcome switch
    {
        Section47Outcome.NotSubstantiated => "Concerns not substantiated",
        Section47Outcome.SubstantiatedNotAtContinuingRisk => "Concerns substantiated, child not at continuing risk of significant harm",
        Section47Outcome.SubstantiatedAtContinuingRisk =>
            "Concerns substantiated, child at continuing risk of significant harm: initial child protection conference required",
        _ => "Not yet recorded",
    };

    public static string Status(Section47Status status) => status switch
    {
        Section47Status.Open => "Open: enquiries under way",
        Section47Status.OutcomeRecorded => "Outcome recorded: waiting for a manager to authorise it",
        _ => "Completed: outcome authorised",
    };

    public static IEnumerable<(string Value, string Text)> OutcomeOptions =>
        Enum.GetValues<Section47Outcome>().Select(o => (o.ToString(), Outcome(o)));

    public static string Event(Section47EventKind kind) => kind switch
    {
        Section47EventKind.Started => "Enquiry started",
        Section47EventKind.RolesRecorded => "Lead and roles recorded",
        Section47EventKind.OutcomeRecorded => "Outcome recorded",
        Section47EventKind.OutcomeReturned => "Outcome returned to the lead social worker",
        _ => "Outcome authorised",
    };
}
