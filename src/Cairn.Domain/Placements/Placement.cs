using Cairn.Domain.Places;
using Cairn.Domain.Time;

namespace Cairn.Domain.Placements;

/// <summary>How the child's family were told of a move (L42).</summary>
public enum FamilyInformed
{
    InPerson = 1,
    ByPhone = 2,
    InWriting = 3,
    /// <summary>Not told, with the reason (for example a court order, or a risk to the child from telling them).</summary>
    NotInformed = 4,
}

/// <summary>Where the placement is, as the return and matching need it, taken from the setting (or entered) when the child is placed.</summary>
public sealed record PlacementWhere
{
    public const int MaxNameLength = 200;

    /// <summary>The setting in the register, when there is one (there is none for a placement with parents).</summary>
    public SettingId? SettingId { get; init; }

    public string? SettingName { get; init; }

    /// <summary>The SSDA903 placement type (PLACE), e.g. K2.</summary>
    public string? PlacementType { get; init; }

    /// <summary>The SSDA903 provider (PLACE_PROVIDER), e.g. PR4; none for temporary placements.</summary>
    public string? Provider { get; init; }

    /// <summary>The setting's regulator number (URN) for the return; <see cref="PlacementCodes.UrnPlaceholder"/> when not known.</summary>
    public string? Urn { get; init; }

    public string? Postcode { get; init; }

    /// <summary>Whether the postcode lies in the placing area (the return's PL_LOCATION; L41).</summary>
    public bool InArea { get; init; }
}

/// <summary>
/// A period of a child living in one placement (L41, L44): where, from and to when, how the family was told (L42), and — if the
/// match showed a danger nearby or a conflict with a resident — the manager who let it go ahead and why (L34, L35). Ended, never
/// deleted: the placement history is the child's and survives every move. One current placement per child.
/// </summary>
public sealed class Placement
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;
    public const int MaxUrnLength = 20;

    public static Refusal Stale => Refusal.Conflict("this placement");

    private Placement()
    {
        Where = new PlacementWhere();
    }

    public PlacementId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public PlacementReferralId? ReferralId { get; private set; }
    public PlacementWhere Where { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>Unplanned or in an emergency: the placement planning meeting is due within hours, not days (T17).</summary>
    public bool Emergency { get; private set; }

    public FamilyInformed FamilyInformed { get; private set; }
    public bool FamilyConsulted { get; private set; }
    public string? FamilyNote { get; private set; }
    public ProfessionalId? OverriddenBy { get; private set; }
    public string? OverrideReason { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    /// <summary>The SSDA903 reason the placement changed (REASON_PLACE_CHANGE), when it ended.</summary>
    public string? ReasonForChange { get; private set; }

    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public ProfessionalId? EndedBy { get; private set; }
    public int Version { get; private set; }

    public bool IsCurrentOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);

    /// <summary>
    /// Places a child. <paramref name="warnings"/> are the dangers and conflicts the match showed (none when it showed none):
    /// while there are any, the placement needs a manager's override with a reason, recorded with it.
    /// </summary>
    public static Outcome<Placement> Start(PlacementStart start, DateOnly childBornOn, bool alreadyPlaced, IReadOnlyList<string> warnings,
        bool byManager, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(warnings);
        var today = now.InLondon();
        var errors = new List<FieldError>();
        var where = start.Where ?? new PlacementWhere();
        if (alreadyPlaced)
        {
            errors.Add(new("StartedOn", "This child already has a current placement: end it (with the reason for the change) first"));
        }

        if (start.StartedOn is not { } on)
        {
            errors.Add(new("StartedOn", "Enter the date the placement started"));
        }
        else if (on < today.AddDays(-30) || on > today.AddDays(30))
        {
            errors.Add(new("StartedOn", "The placement must start within 30 days of today (record older placements through the history import)"));
        }
        else if (on < childBornOn)
        {
            errors.Add(new("StartedOn", "The placement cannot start before the child was born"));
        }

        if (!PlacementCodes.IsPlacementType(where.PlacementType))
        {
            errors.Add(new("PlacementType", "Select the placement type"));
        }
        else
        {
            if (where.Provider is not null && !PlacementCodes.IsProvider(where.Provider))
            {
                errors.Add(new("Provider", "Select the provider from the list"));
            }
            else if (PlacementCodes.Inconsistency(where.PlacementType!, where.Provider) is { } inconsistent)
            {
                errors.Add(new("Provider", inconsistent));
            }

            if (PlacementCodes.NeedsUrn(where.PlacementType!) && string.IsNullOrWhiteSpace(where.Urn))
            {
                errors.Add(new("Urn",
                    $"A {where.PlacementType} placement needs the setting's URN, or {PlacementCodes.UrnPlaceholder} if it is not known"));
            }
        }

        if (where.Urn?.Trim().Length > MaxUrnLength)
        {
            errors.Add(new("Urn", $"The URN must be {MaxUrnLength} characters or fewer"));
        }

        if (where.Postcode is null || !Postcode.TryParse(where.Postcode, out _, out _))
        {
            errors.Add(new("Postcode", "Enter the placement's postcode"));
        }

        if (start.FamilyInformed is not { } informed || !Enum.IsDefined(informed))
        {
            errors.Add(new("FamilyInformed", "Say how the family were told of the move, or that they were not"));
        }
        else if (informed == FamilyInformed.NotInformed && (start.FamilyNote?.Trim().Length ?? 0) < MinReasonLength)
        {
            errors.Add(new("FamilyNote", $"Say why the family were not told, in {MinReasonLength} characters or more"));
        }

        if (start.FamilyNote?.Trim().Length > MaxReasonLength)
        {
            errors.Add(new("FamilyNote", $"Use {MaxReasonLength:N0} characters or fewer"));
        }

        var overrideReason = start.OverrideReason?.Trim();
        if (warnings.Count > 0)
        {
            if (!byManager)
            {
                return Refusal.NotAllowed("OverrideReason", $"The match showed {Count(warnings.Count)}: only a manager can place the child here, "
                                                            + $"with a reason. {string.Join(" ", warnings)}");
            }

            if (overrideReason is null || overrideReason.Length < MinReasonLength || overrideReason.Length > MaxReasonLength)
            {
                errors.Add(new("OverrideReason", $"The match showed {Count(warnings.Count)}: say why the child is placed here anyway, "
                                                 + $"in {MinReasonLength} to {MaxReasonLength:N0} characters"));
            }
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new Placement
        {
            Id = PlacementId.New(),
            ChildId = start.ChildId,
            ReferralId = start.ReferralId,
            Where = where with
            {
                Postcode = Postcode.Parse(where.Postcode!).ToString(),
                Urn = string.IsNullOrWhiteSpace(where.Urn) ? null : where.Urn.Trim().ToUpperInvariant(),
                SettingName = where.SettingName?.Trim(),
            },
            StartedOn = start.StartedOn!.Value,
            Emergency = start.Emergency,
            FamilyInformed = start.FamilyInformed!.Value,
            FamilyConsulted = start.FamilyConsulted,
            FamilyNote = string.IsNullOrWhiteSpace(start.FamilyNote) ? null : start.FamilyNote.Trim(),
            OverriddenBy = warnings.Count > 0 ? by : null,
            OverrideReason = warnings.Count > 0 ? overrideReason : null,
            StartedBy = by,
            StartedAt = now,
        };
    }

    /// <summary>Ends the placement on a date with the return's reason for the change; kept as history.</summary>
    public Refusal? End(DateOnly? endedOn, string? reasonForChange, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Conflict("this placement", "This placement has already ended.");
        }

        var errors = new List<FieldError>();
        if (endedOn is not { } on)
        {
            errors.Add(new("EndedOn", "Enter the date the placement ended"));
        }
        else if (on < StartedOn || on > now.InLondon())
        {
            errors.Add(new("EndedOn", "The placement must end between its start and today"));
        }

        if (!PlacementCodes.IsReasonForChange(reasonForChange))
        {
            errors.Add(new("ReasonForChange", "Select the reason the placement changed"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        EndedOn = endedOn;
        ReasonForChange = reasonForChange;
        EndedBy = by;
        Version++;
        return null;
    }

    private static string Count(int warnings) => warnings == 1 ? "a danger or conflict" : $"{warnings} dangers or conflicts";
}

/// <summary>What placing a child says: who, where, from when, whether in an emergency, how the family were told, any override reason.</summary>
public sealed record PlacementStart
{
    public PersonId ChildId { get; init; }
    public PlacementReferralId? ReferralId { get; init; }
    public PlacementWhere? Where { get; init; }
    public DateOnly? StartedOn { get; init; }
    public bool Emergency { get; init; }
    public FamilyInformed? FamilyInformed { get; init; }
    public bool FamilyConsulted { get; init; }
    public string? FamilyNote { get; init; }
    public string? OverrideReason { get; init; }
}
