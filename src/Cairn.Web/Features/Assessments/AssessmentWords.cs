using Cairn.Domain.Casework;

namespace Cairn.Web.Features.Assessments;

/// <summary>Assessments in the words the pages use.</summary>
public static class AssessmentWords
{
    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.InProgress => "In progress",
        AssessmentStatus.AwaitingAuthorisation => "Awaiting a manager's authorisation",
        _ => "Authorised",
    };

    public static string Currency(AssessmentCurrencyState state) => state switch
    {
        AssessmentCurrencyState.Current => "Current",
        AssessmentCurrencyState.OutOfDate => "Out of date",
        _ => "Not yet authorised",
    };

    public static string CurrencyClass(AssessmentCurrencyState state) => state switch
    {
        AssessmentCurrencyState.Current => "govuk-tag--green",
        AssessmentCurrencyState.OutOfDate => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Event(AssessmentEventKind kind) => kind switch
    {
        AssessmentEventKind.Started => "Started",
        AssessmentEventKind.Updated => "Sections recorded",
        AssessmentEventKind.Submitted => "Submitted for authorisation",
        AssessmentEventKind.Returned => "Returned to the lead",
        _ => "Authorised",
    };
}
