namespace Cairn.Domain.Returns.CinCensus;

/// <summary>A year's validation rules as the DfE publishes them (data/returns/cin_rules_20xx_yy.csv).</summary>
public static class CinRuleCatalogue
{
    public static IReadOnlyList<CatalogueRule> For(CollectionYear year)
    {
        if (!CinCensusYears.WithCatalogue.Contains(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Cairn ships no rule catalogue for this census year.");
        }

        return ReturnsData.Catalogue(FileName(year));
    }

    /// <summary>The file name of a year's rule catalogue, such as cin_rules_2024_25.csv.</summary>
    public static string FileName(CollectionYear year) => $"cin_rules_{year.FileSuffix}.csv";
}
