namespace Cairn.Domain;

/// <summary>One thing wrong with what was asked, tied to the field a person must change.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Why the rules said no: the input is wrong, the record moved on meanwhile, or the person may not do it.</summary>
public enum RefusalKind
{
    /// <summary>Something asked for is missing or wrong: the person corrects the field named (400 on the API).</summary>
    Invalid,

    /// <summary>The record changed since the person read it, or was saved by someone else first: never last-write-wins (409).</summary>
    Conflict,

    /// <summary>The person may see the record but this step is not theirs to take (403).</summary>
    NotAllowed,
}

/// <summary>
/// An expected refusal: the rules say no. Returned, never thrown, and mapped once to a GOV.UK error
/// summary on pages and to problem+json on the API. What kind of refusal it is decides the answer;
/// field names only say where on the form each message belongs.
/// </summary>
public sealed record Refusal(string Title, IReadOnlyList<FieldError> Errors, RefusalKind Kind = RefusalKind.Invalid)
{
    /// <summary>The field a conflict is reported against: the version the person sent.</summary>
    public const string VersionField = "Version";

    private const string CheckWhatYouEntered = "Check what you entered";

    public bool IsConflict => Kind == RefusalKind.Conflict;

    public static Refusal Of(string field, string message) => new(CheckWhatYouEntered, [new FieldError(field, message)]);

    public static Refusal? FromErrors(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? null : new Refusal(CheckWhatYouEntered, errors);

    /// <summary>
    /// The record moved on while the person was looking at it (<paramref name="what"/>, e.g. "this share"): the one
    /// message every stale version or lost race gets, so people learn one sentence.
    /// </summary>
    public static Refusal Conflict(string what) =>
        Conflict(what, $"Someone else changed {what} while you were looking at it. Reload the page to see what they did.");

    /// <summary>A conflict with its own explanation, e.g. the record was closed meanwhile.</summary>
    public static Refusal Conflict(string what, string message) =>
        new($"Someone else changed {what}", [new FieldError(VersionField, message)], RefusalKind.Conflict);

    /// <summary>The person may see the record but may not take this step.</summary>
    public static Refusal NotAllowed(string field, string message) =>
        new("You cannot do this", [new FieldError(field, message)], RefusalKind.NotAllowed);
}

/// <summary>Either a value or a refusal; the rules of the domain return this instead of throwing.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }
    public Refusal? Refusal { get; }
    public bool Succeeded => Refusal is null;

    public static Outcome<T> Success(T value) => new(value, null);
    public static Outcome<T> Refused(Refusal refusal) => new(default, refusal);
    public static Outcome<T> Refused(string field, string message) => new(default, Refusal.Of(field, message));

    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);

    public static implicit operator Outcome<T>(T value) => Success(value);
}
