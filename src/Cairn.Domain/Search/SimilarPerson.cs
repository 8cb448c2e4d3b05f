namespace Cairn.Domain.Search;

/// <summary>Decides whether two people are probably the same, to warn before creating a duplicate record.</summary>
public static class SimilarPerson
{
    /// <summary>
    /// True when both dates of birth are known and equal, the family names are within one edit (two when
    /// either has 8 or more letters) once spacing and punctuation are gone, and the given names match by
    /// <see cref="NameText.MatchScore"/> in either direction, so "Alex" and "Alexander" agree. Two people with
    /// no given name (unborn children) agree on that part.
    /// </summary>
    public static bool ProbablySame(string givenA, string familyA, DateOnly? dobA, string givenB, string familyB, DateOnly? dobB)
    {
        // Without both dates the names alone are too weak: siblings and cousins share surnames.
        if (dobA is null || dobB is null || dobA != dobB)
        {
            return false;
        }

        var familyFoldA = NameText.Fold(familyA).Replace(" ", "", StringComparison.Ordinal);
        var familyFoldB = NameText.Fold(familyB).Replace(" ", "", StringComparison.Ordinal);

        // The longer name sets the tolerance, and even a short one allows a slip: this only warns, and a needless
        // warning costs a click where a missed duplicate splits a child's history across two records.
        var tolerance = Math.Max(familyFoldA.Length, familyFoldB.Length) >= 8 ? 2 : 1;
        if (NameText.EditDistance(familyFoldA, familyFoldB) > tolerance)
        {
            return false;
        }

        var a = NameText.Tokens(givenA);
        var b = NameText.Tokens(givenB);
        return (a.Count == 0 && b.Count == 0) || NameText.MatchScore(a, b) is not null || NameText.MatchScore(b, a) is not null;
    }
}
