namespace Cairn.Domain.Meetings;

/// <summary>
/// The lead child protection practitioner of a child on a child protection plan: one named social worker at a time, kept with
/// its history (who, from when, to when, who recorded it). A conference that starts a plan names them; a manager may change them.
/// </summary>
public sealed class LeadPractitioner
{
    public const int MaxReasonLength = 1000;

    private LeadPractitioner()
    {
    }

    public long Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ProfessionalId ProfessionalId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public MeetingId? NamedAt { get; private set; }
    public string? Reason { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsCurrent => To is null;

    /// <summary>
    /// Names <paramref name="professional"/> from <paramref name="from"/>, ending whoever held the role (<paramref name="current"/>).
    /// Refused when they are not an active social worker, or already the lead.
    /// </summary>
    public static Outcome<LeadPractitioner> Name(PersonId child, LeadPractitioner? current, ProfessionalId? professional, bool isSocialWorker,
        DateOnly from, MeetingId? namedAt, string? reason, ProfessionalId by, DateTimeOffset now)
    {
        if (professional is null)
        {
            return Refusal.Of("LeadPractitionerId", "Select the lead child protection practitioner");
        }

        if (!isSocialWorker)
        {
            return Refusal.Of("LeadPractitionerId",
                "The lead child protection practitioner must be an active social worker in children's social care");
        }

        if (current?.ProfessionalId == professional)
        {
            return Refusal.Of("LeadPractitionerId", "They are already the lead child protection practitioner");
        }

        if (reason?.Trim().Length > MaxReasonLength)
        {
            return Refusal.Of("Reason", $"The reason must be {MaxReasonLength:N0} characters or fewer");
        }

        current?.End(from);
        return new LeadPractitioner
        {
            ChildId = child,
            ProfessionalId = professional.Value,
            From = from,
            NamedAt = namedAt,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>Ends the role: the plan ended, or someone else took it on.</summary>
    public void End(DateOnly on) => To ??= on < From ? From : on;
}
