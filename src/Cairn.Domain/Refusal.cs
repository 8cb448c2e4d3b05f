namespace Cairn.Domain;

/// <summary>One thing wrong with what was asked, tied to the field a person must change.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// An expected refusal: the rules say no. Returned, never thrown, and mapped once to a GOV.UK error
/// summary on pages and to problem+json on the API.
/// </summary>
public sealed record Refusal(string Title, IReadOnlyList<FieldError> Errors)
{
    public static Refusal Of(string field, string message) => new("Check what you entered", [new FieldError(field, message)]);

    public static Refusal? FromErrors(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? null : new Refusal("Check what you entered", errors);
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
}
