namespace Cairn.Domain.Search;

/// <summary>Decides whether two people are probably the same, to warn before creating a duplicate record.</summary>
public static class SimilarPerson
{
    public static bool ProbablySame(string givenA, string familyA, DateOnly? dobA, string givenB, string familyB, DateOnly? dobB)
    {
        if (dobA is null || dobB is null || dobA != dobB)
        {
            return false;
        }

        var familyFoldA = NameText.Fold(familyA).Replace(" ", "", StringComparison.Ordinal);
        var familyFoldB = NameText.Fold(familyB).Replace(" ", "", StringComparison.Ordinal);
        if (NameText.EditDistance(familyFoldA, familyFoldB) > NameText.Tolerance(Math.Min(familyFoldA.Length, familyFoldB.Length)))
        {
            return false;
        }

        var a = NameText.Tokens(givenA);
        var b = NameText.Tokens(givenB);
        return (a.Count == 0 && b.Count == 0) || NameText.MatchScore(a, b) is not null || NameText.MatchScore(b, a) is not null;
    }
}
