using Cairn.Domain;

namespace Cairn.Web.Features;

/// <summary>What a handler's answer is: not found (or not the caller's to see), refused, or done.</summary>
public enum HandledAs
{
    NotFound,
    Refused,
    Done,
}

/// <summary>
/// The one shape of a handler's answer to a command. "Not found" and "not yours to see" are the same answer,
/// so a refusal never tells someone without a reason that a record exists. A refusal carries its kind
/// (invalid, conflict, not allowed); the API and the pages each map it in one place (<see cref="Problems"/>).
/// </summary>
public readonly struct Handled<T>
{
    private Handled(HandledAs kind, T? value, Refusal? refusal)
    {
        As = kind;
        Value = value;
        Refusal = refusal;
    }

    public HandledAs As { get; }

    /// <summary>The result when done; default otherwise.</summary>
    public T? Value { get; }

    /// <summary>Why not, when refused; null otherwise.</summary>
    public Refusal? Refusal { get; }

    public bool IsDone => As == HandledAs.Done;

    public static Handled<T> Done(T value) => new(HandledAs.Done, value, null);

    public static Handled<T> Refused(Refusal refusal) => new(HandledAs.Refused, default, refusal);

    public static Handled<T> NotFound => new(HandledAs.NotFound, default, null);

    public static implicit operator Handled<T>(T value) => Done(value);

    public static implicit operator Handled<T>(Refusal refusal) => Refused(refusal);

    public static implicit operator Handled<T>(Handled.NotFoundAnswer _) => NotFound;

    /// <summary>A domain outcome: its value when it succeeded, otherwise its refusal.</summary>
    public static implicit operator Handled<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Refused(refusal) : Done(outcome.Value!);

    /// <summary>The same answer for another result: a done value is mapped, anything else passes through.</summary>
    public Handled<TOther> Then<TOther>(Func<T, TOther> map) => As switch
    {
        HandledAs.Done => Handled<TOther>.Done(map(Value!)),
        HandledAs.Refused => Handled<TOther>.Refused(Refusal!),
        _ => Handled<TOther>.NotFound,
    };
}

/// <summary>Shorthands for <see cref="Handled{T}"/>: <c>return Handled.NotFound;</c> reads as what it means.</summary>
public static class Handled
{
    public static NotFoundAnswer NotFound => default;

    /// <summary>Converts to "not found" for any <see cref="Handled{T}"/>.</summary>
    public readonly record struct NotFoundAnswer;
}
